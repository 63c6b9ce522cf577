using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupplyGrid.Api.Cities;
using SupplyGrid.Api.Configuration;
using SupplyGrid.Api.Events;
using SupplyGrid.Api.Health;
using SupplyGrid.Api.Heatmaps;
using SupplyGrid.Api.History;
using SupplyGrid.Api.Json;
using SupplyGrid.Api.Live;
using SupplyGrid.Api.Problems;
using SupplyGrid.Api.Security;
using SupplyGrid.Grains.Events;
using SupplyGrid.Grains.Ports;
using Orleans;

namespace SupplyGrid.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>The rate-limiting policy every /api endpoint uses.</summary>
    public const string RateLimitPolicy = "supplygrid.api";

    /// <summary>
    /// Adds the HTTP API's services to a host that also runs the grid: JWT bearer authentication and the role
    /// policies (<c>Api:Jwt</c>, checked at start), per-client rate limiting (<c>Api:RateLimit</c>), request limits
    /// (<c>Api:Limits</c>), problem details, snake_case JSON, the OpenAPI document, health checks with a grid check, the
    /// heatmap cache and live streams (<c>Api:Heatmap</c>), heatmap history (<c>Api:History</c>; an in-memory store
    /// unless the host registers its own <see cref="IHeatmapHistory"/>), the topic contracts process-event validates
    /// with (<c>Events:Validation</c>), and <see cref="ApiTokenIssuer"/>. The grid's <see cref="ICityChangeFeed"/>
    /// becomes the API's hub, which fans changes out to the cache, the history and the streams.
    /// </summary>
    /// <param name="configuration">The configuration the domain is given too: the API reads the city ids from its Cities section.</param>
    public static IServiceCollection AddSupplyGridApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        AddOptions<ApiJwtOptions, ApiJwtOptionsValidator>(services, configuration, ApiJwtOptions.SectionName);
        AddOptions<ApiRateLimitOptions, ApiRateLimitOptionsValidator>(services, configuration, ApiRateLimitOptions.SectionName);
        AddOptions<ApiLimitOptions, ApiLimitOptionsValidator>(services, configuration, ApiLimitOptions.SectionName);
        AddOptions<HeatmapOptions, HeatmapOptionsValidator>(services, configuration, HeatmapOptions.SectionName);
        AddOptions<HeatmapHistoryOptions, HeatmapHistoryOptionsValidator>(services, configuration, HeatmapHistoryOptions.SectionName);
        AddOptions<ApiHealthOptions, ApiHealthOptionsValidator>(services, configuration, ApiHealthOptions.SectionName);
        services.AddOptions<EventValidationOptions>()
            .Bind(configuration.GetSection(EventValidationOptions.SectionName))
            .Validate(o => { o.Validate(); return true; })
            .ValidateOnStart();

        AddSecurity(services);
        AddRateLimiting(services);
        AddJson(services);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = SnakeCaseTraceId);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecurityTransformer>());
        services.AddHealthChecks().AddCheck<GridHealthCheck>(GridHealthCheck.Name, tags: ["grid"]);
        services.AddSingleton<IPendingRecords, DispatcherPendingRecords>();

        services.TryAddSingleton(TimeProvider.System);
        var cityIds = configuration.GetSection("Cities").GetChildren().Select(c => c.Key).ToArray();
        services.TryAddSingleton(sp => new CityCatalog(sp.GetRequiredService<IGrainFactory>(), cityIds));
        services.TryAddSingleton(sp => new TopicContracts(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<EventValidationOptions>>().Value));
        services.TryAddSingleton<EventInjector>();
        services.TryAddSingleton<HeatmapCache>();
        services.TryAddSingleton<HeatmapStreams>();
        services.TryAddSingleton<InMemoryHeatmapHistory>();
        services.TryAddSingleton<IHeatmapHistory>(sp => sp.GetRequiredService<InMemoryHeatmapHistory>());
        services.TryAddSingleton(sp => new CityChangeHub(Listeners(sp), sp.GetRequiredService<ILogger<CityChangeHub>>()));
        services.RemoveAll<ICityChangeFeed>();
        services.AddSingleton<ICityChangeFeed>(sp => sp.GetRequiredService<CityChangeHub>());
        return services;
    }

    /// <summary>The cache always listens; the in-memory history only when it is the history the host uses.</summary>
    private static IEnumerable<ICityChangeListener> Listeners(IServiceProvider services)
    {
        yield return services.GetRequiredService<HeatmapCache>();
        if (services.GetRequiredService<IHeatmapHistory>() is ICityChangeListener history)
            yield return history;
    }

    private static void AddOptions<TOptions, TValidator>(IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
    }

    private static void AddSecurity(IServiceCollection services)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<JwtBearerOptions>, ApiJwtSetup>());
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicies.Read, p => p.RequireAuthenticatedUser().RequireRole(ApiRoles.Dashboard, ApiRoles.Operator))
            .AddPolicy(ApiPolicies.Operate, p => p.RequireAuthenticatedUser().RequireRole(ApiRoles.Operator))
            .AddPolicy(ApiPolicies.Dispatch, p => p.RequireAuthenticatedUser().RequireRole(ApiRoles.Dispatch));
        services.TryAddSingleton<ApiTokenIssuer>();
    }

    private static void AddRateLimiting(IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await ApiProblems.Status(StatusCodes.Status429TooManyRequests,
                    $"Too many requests from this client; retry after {retryAfter} s.").ExecuteAsync(context.HttpContext);
            };
            o.AddPolicy(RateLimitPolicy, ClientPartition);
        });
    }

    /// <summary>One token bucket per client: the token's subject when authenticated, else the remote address.</summary>
    private static RateLimitPartition<string> ClientPartition(HttpContext context)
    {
        var settings = context.RequestServices.GetRequiredService<IOptions<ApiRateLimitOptions>>().Value;
        var subject = context.User.Identity?.IsAuthenticated == true ? context.User.FindFirst("sub")?.Value : null;
        var client = subject is not null ? "sub:" + subject : "ip:" + context.Connection.RemoteIpAddress;
        if (!settings.Enabled)
            return RateLimitPartition.GetNoLimiter(client);
        return RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = settings.Burst,
            TokensPerPeriod = settings.PermitsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    /// <summary>
    /// The host's HTTP JSON (results, problem details) writes like the API's context: snake_case names, snake_case
    /// enums, UTC times, ISO-8601 durations. A context used as a resolver of other options does not bring its
    /// converters along, so they are copied.
    /// </summary>
    private static void AddJson(IServiceCollection services) =>
        services.Configure<JsonOptions>(o =>
        {
            var api = ApiJsonContext.Default.Options;
            o.SerializerOptions.PropertyNamingPolicy = api.PropertyNamingPolicy;
            o.SerializerOptions.NumberHandling = api.NumberHandling;
            foreach (var converter in api.Converters)
                o.SerializerOptions.Converters.Add(converter);
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
        });

    // ASP.NET Core names it traceId; every other name on the wire is snake_case.
    private static void SnakeCaseTraceId(ProblemDetailsContext context)
    {
        var extensions = context.ProblemDetails.Extensions;
        if (extensions.Remove("traceId", out var traceId))
            extensions["trace_id"] = traceId;
        else
            extensions["trace_id"] = System.Diagnostics.Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
    }
}
