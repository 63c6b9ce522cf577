using System.Diagnostics;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SupplyGrid.Kafka;

namespace SupplyGrid.Dashboard.Tests.Deployment;

/// <summary>
/// Starts the silo's real entry point (Silo/Program.cs) with a deployment's settings as its command line, hollowed out
/// so that nothing runs: the web server is <see cref="InertServer"/> and no hosted service but the web host itself is
/// left (no broker, no grid, no simulator, no database). What remains is what a deployment depends on: every
/// registration, options validation at start (a bad setting fails here as it would in the container), the request
/// pipeline with every mapped route, and the addresses handed to the server. A configuration source that records
/// lookups is added as the host is built, and after the start every options class the silo registered is created
/// once per name, so the recorded keys are the keys the silo binds.
/// </summary>
/// <remarks>
/// The host is reached through the "Microsoft.Extensions.Hosting" diagnostic listener, the hook ASP.NET Core's own test
/// host uses. Only the build started by <see cref="Start"/> is touched (an async-local marks it), so hosts that other
/// tests build in parallel are left alone. Lookups the program makes before it builds its host (it decides there
/// between the embedded and an external broker) are not recorded; of the deployments' keys only Urls is read only
/// then, and it is checked through its effect, the server's addresses.
/// </remarks>
internal static class SiloStartProbe
{
    private const string WebHostServiceName = "GenericWebHostService";

    private static readonly AsyncLocal<Probe?> s_current = new();

    /// <param name="settings">Configuration keys (Kafka:BootstrapServers) and values, as the deployment sets them.</param>
    public static SiloStartReport Start(IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var entryPoint = typeof(SupplyGrid.Silo.Simulation.SiloSimulationOptions).Assembly.EntryPoint
            ?? throw new InvalidOperationException("The silo's assembly has no entry point.");
        var probe = new Probe(new RecordingConfigurationSource(settings));
        string[] args = [.. settings.Select(s => $"--{s.Key}={s.Value}")];
        using var subscription = DiagnosticListener.AllListeners.Subscribe(new ListenerObserver());
        s_current.Value = probe;
        try
        {
            entryPoint.Invoke(null, [args]);
        }
        catch (Exception error) when (Innermost(error) is InspectedException)
        {
            return probe.Report ?? throw new InvalidOperationException("The silo stopped without a report.");
        }
        catch (Exception error) when (probe.Built)
        {
            // The host was built and refused to start: options validation names the setting.
            return new SiloStartReport(probe.Recorder.KeysRead, Innermost(error).Message, [], [], new HashSet<string>(), []);
        }
        finally
        {
            s_current.Value = null;
        }

        throw new InvalidOperationException("The silo's entry point returned without starting its host.");
    }

    private static Exception Innermost(Exception error) => error switch
    {
        TargetInvocationException { InnerException: { } inner } => Innermost(inner),
        AggregateException { InnerExceptions.Count: 1 } aggregate => Innermost(aggregate.InnerExceptions[0]),
        _ => error,
    };

    private sealed class Probe(RecordingConfigurationSource recorder)
    {
        public RecordingConfigurationSource Recorder { get; } = recorder;

        public IServiceCollection? Services { get; set; }

        public bool Built => Services is not null;

        public SiloStartReport? Report { get; set; }
    }

    /// <summary>Runs after the web host started (the last hosted service), inspects, and aborts the start.</summary>
    private sealed class InspectingService(IServiceProvider services, Probe probe) : IHostedLifecycleService
    {
        public Task StartedAsync(CancellationToken cancellationToken)
        {
            var optionsFailures = OptionsCreation.CreateAll(services, probe.Services!);
            probe.Report = new SiloStartReport(
                probe.Recorder.KeysRead,
                StartFailure: null,
                ((InertServer)services.GetRequiredService<IServer>()).Addresses,
                Routes(services),
                KafkaTopics(services),
                optionsFailures);
            throw new InspectedException();
        }

        public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        private static List<MappedRoute> Routes(IServiceProvider services)
        {
            var fallbackAllowsAnyone = services.GetRequiredService<IOptions<AuthorizationOptions>>().Value.FallbackPolicy is null;
            return services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Select(e =>
            {
                var pattern = e.RoutePattern;
                var path = pattern.Parameters.Count == 0 ? "/" + (pattern.RawText ?? "").TrimStart('/') : null;
                var anonymous = e.Metadata.GetMetadata<IAllowAnonymous>() is not null
                    || (fallbackAllowsAnyone && e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0);
                return new MappedRoute(path, e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.ToList() ?? [], anonymous);
            }).ToList();
        }

        /// <summary>The topics the embedded broker would create: the declared ones, the configured ones, the dead-letter topic.</summary>
        private static HashSet<string> KafkaTopics(IServiceProvider services)
        {
            var kafka = services.GetRequiredService<IOptions<KafkaOptions>>().Value;
            return services.GetServices<KafkaTopicDeclaration>().Select(d => d.Topic)
                .Concat(kafka.Topics.Select(t => t.Name))
                .Append(kafka.DeadLetterTopic)
                .ToHashSet(StringComparer.Ordinal);
        }
    }

    private sealed class InspectedException() : Exception("The silo was inspected and stopped at the end of its start.");

    private sealed class ListenerObserver : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == "Microsoft.Extensions.Hosting")
                listener.Subscribe(new HostingObserver());
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    private sealed class HostingObserver : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key != "HostBuilding" || s_current.Value is not { } probe || value.Value is not IHostBuilder host)
                return;
            host.ConfigureAppConfiguration((_, configuration) => configuration.Add(probe.Recorder));
            host.ConfigureServices((_, services) => Hollow(services, probe));
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        private static void Hollow(IServiceCollection services, Probe probe)
        {
            var hostedServices = services.Where(d => d.ServiceType == typeof(IHostedService)).ToList();
            if (!hostedServices.Any(d => d.ImplementationType?.Name == WebHostServiceName))
                throw new InvalidOperationException($"The silo's host has no {WebHostServiceName}: it is not the ASP.NET Core host this probe knows.");
            foreach (var descriptor in hostedServices.Where(d => d.ImplementationType?.Name != WebHostServiceName))
                services.Remove(descriptor);
            services.AddSingleton<IServer, InertServer>();
            services.AddSingleton<IHostedService>(sp => new InspectingService(sp, probe));
            probe.Services = services;
        }
    }
}
