using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using SupplyGrid.Api.Dashboards;
using SupplyGrid.Grains.Streams;
using SupplyGrid.Kafka;
using SupplyGrid.Streaming.Kafka;

namespace SupplyGrid.Silo.OperatorDashboard;

public static class OperatorDashboardExtensions
{
    private const string ResourcePrefix = "SupplyGrid.Silo.OperatorDashboard.wwwroot.";

    /// <summary>
    /// Adds the sampler that keeps the silo page's recent figures (section <c>OperatorDashboard</c>, validated at
    /// start): the offer funnel from the domain's meter and, when registered, the Kafka stream provider's meter
    /// (<see cref="KafkaStreamMeterReader"/>) and the outboxes' counts (<see cref="KafkaOutboxMetrics"/>).
    /// </summary>
    public static IServiceCollection AddOperatorDashboard(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(SiloMetricsSampler)))
            return services;
        services.AddOptions<OperatorDashboardOptions>().BindConfiguration(OperatorDashboardOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OperatorDashboardOptions>, OperatorDashboardOptionsValidator>());
        services.AddSingleton(sp => new SampleHistory(sp.GetRequiredService<IOptions<OperatorDashboardOptions>>().Value.Capacity));
        services.AddSingleton(sp => new OfferFunnelMeter(sp.GetService<IMeterFactory>()));
        services.AddSingleton<KafkaStreamMeterReader>();
        services.AddSingleton(sp =>
        {
            var outboxes = sp.GetService<KafkaOutboxMetrics>();
            var offers = sp.GetRequiredService<OfferFunnelMeter>();
            // The provider's meters exist once the silo has started it; a silo without the provider has no statistics.
            var streams = sp.GetKeyedService<KafkaStreamStatistics>(TopicStreams.ProviderName) is null ? null : sp.GetRequiredService<KafkaStreamMeterReader>();
            return new SiloMetricsCollector(streams is null ? null : streams.Read, outboxes is null ? null : outboxes.Outboxes, offers.Read,
                sp.GetService<TimeProvider>() ?? TimeProvider.System, sp.GetService<ILocalSiloDetails>()?.SiloAddress.ToString());
        });
        services.AddSingleton(sp => new SiloMetricsSampler(
            sp.GetRequiredService<SiloMetricsCollector>(),
            sp.GetRequiredService<SampleHistory>(),
            sp.GetRequiredService<IOptions<OperatorDashboardOptions>>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<ILogger<SiloMetricsSampler>>()));
        services.AddHostedService(sp => sp.GetRequiredService<SiloMetricsSampler>());
        return services;
    }

    /// <summary>
    /// Maps the silo page at <c>/silo</c> (its files under <c>/silo/assets/</c>), its data at <c>/silo/api/overview</c>
    /// and <c>/silo/api/history?after={time}</c>, and the Orleans dashboard's login (<see cref="OrleansDashboardLogin"/>).
    /// The data needs the API's read policy (a token with the dashboard or operator role), so call it after
    /// <c>MapSupplyGridApi</c>, which adds the authentication middleware.
    /// </summary>
    public static RouteGroupBuilder MapOperatorDashboard(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var assets = new EmbeddedAssets(typeof(OperatorDashboardExtensions).Assembly, ResourcePrefix);
        endpoints.MapGet("/silo", (HttpContext context) => assets.Serve(context, "index.html")).ExcludeFromDescription();
        endpoints.MapGet("/silo/assets/{file}", (HttpContext context, string file) => assets.Serve(context, file)).ExcludeFromDescription();
        OrleansDashboardLogin.Map(endpoints, assets);

        var api = endpoints.MapGroup("/silo/api").RequireAuthorization(DashboardAuthorization.ReadPolicy).WithTags("operator dashboard");
        api.MapGet("/overview", (SiloMetricsSampler sampler) => sampler.LatestOverview is { } overview
                ? Results.Json(overview, DashboardJson.Options)
                : Results.Problem("The silo has not been sampled yet; retry in a second.", statusCode: StatusCodes.Status503ServiceUnavailable))
            .WithSummary("The silo now: Kafka stream layer and offer funnel");
        api.MapGet("/history", (SampleHistory history, IOptions<OperatorDashboardOptions> options, DateTimeOffset? after) =>
                Results.Json(HistoryView.From(history.After(after), options.Value.SampleInterval, history.Capacity), DashboardJson.Options))
            .WithSummary("The silo's figures over the last minutes, as columns; only samples after ?after= when given");
        return api;
    }
}
