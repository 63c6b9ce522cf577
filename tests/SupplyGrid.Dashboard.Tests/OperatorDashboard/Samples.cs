using SupplyGrid.Silo.OperatorDashboard;

namespace SupplyGrid.Dashboard.Tests.OperatorDashboard;

/// <summary>Hand-made samples for the history tests.</summary>
internal static class Samples
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    public static SiloSample At(int second, long activations = 0, IReadOnlyDictionary<string, GrainTypeSample>? types = null, KafkaSample? kafka = null) =>
        new(Start.AddSeconds(second), activations, 0, 0, second * 10, 0, types ?? new Dictionary<string, GrainTypeSample>(),
            new ProcessFigures(1, 2, 3, 4, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0), kafka);
}
