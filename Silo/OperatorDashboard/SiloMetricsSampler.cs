using Microsoft.Extensions.Options;

namespace SupplyGrid.Silo.OperatorDashboard;

/// <summary>Samples the silo every <see cref="OperatorDashboardOptions.SampleInterval"/> into the <see cref="SampleHistory"/>.</summary>
internal sealed class SiloMetricsSampler(
    SiloMetricsCollector collector,
    SampleHistory history,
    IOptions<OperatorDashboardOptions> options,
    TimeProvider time,
    ILogger<SiloMetricsSampler> logger) : BackgroundService
{
    private SiloOverview? _overview;

    /// <summary>The detail of the newest sample, or null before the first.</summary>
    public SiloOverview? LatestOverview => Volatile.Read(ref _overview);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SampleInterval, time);
        do
        {
            try
            {
                var (sample, overview) = collector.Collect();
                history.Add(sample);
                Volatile.Write(ref _overview, overview);
            }
            catch (Exception ex)
            {
                // A failed sample leaves a gap in the charts; the silo itself is unaffected.
                logger.LogWarning(ex, "Sampling the silo's metrics failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
