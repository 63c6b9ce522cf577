using OpenTelemetry.Metrics;
using SupplyGrid.Grains.Diagnostics;
using SupplyGrid.Kafka;
using SupplyGrid.Streaming.Kafka;

namespace SupplyGrid.Silo.Hosting;

/// <summary>
/// The silo's meters in Prometheus' text format at <c>/metrics</c>, through OpenTelemetry, for the operators' own
/// Prometheus and Grafana: Orleans' runtime, the grid's domain (decisions, offers, ignored events), the Kafka stream
/// provider (records read, dead letters, lag, records in cache), the MDT outbox, and ASP.NET Core's requests. Per silo:
/// each process exports its own.
/// </summary>
internal static class PrometheusMetrics
{
    public const string Path = "/metrics";

    /// <summary>The meters exported.</summary>
    public static IReadOnlyList<string> Meters { get; } =
    [
        "Microsoft.Orleans",
        DomainMetrics.MeterName,
        KafkaStreamInstruments.MeterName,
        KafkaOutboxMetrics.MeterName,
        "Microsoft.AspNetCore.Hosting",
    ];

    public static IServiceCollection AddPrometheusMetrics(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter([.. Meters]).AddPrometheusExporter());
        return services;
    }

    /// <summary>Anonymous, as a scrape target is: it carries counts and durations, no grid data.</summary>
    public static IEndpointRouteBuilder MapPrometheusMetrics(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPrometheusScrapingEndpoint(Path).ExcludeFromDescription();
        return endpoints;
    }
}
