using SupplyGrid.Grains;
using SupplyGrid.Silo.OperatorDashboard;

namespace SupplyGrid.Dashboard.Tests.OperatorDashboard;

/// <summary>Hand-made samples for the history tests.</summary>
internal static class Samples
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    public static SiloSample At(int second, long sent = 0, KafkaSample? kafka = null) =>
        new(Start.AddSeconds(second), kafka, new OfferCounts(sent, 0, 0, 0, 0, 0));
}
