using System.Text.Json;
using SupplyGrid.Runtime.Postgres.History.Rows;

namespace SupplyGrid.Runtime.Postgres.Tests.History;

/// <summary>Valid sample rows, distinct by their number.</summary>
internal static class HistoryRows
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private const long Cell = 0x886_520d_b33f_ffff; // 886520db33fffff: the resolution-8 cell at 1.2903 N, 103.852 E

    public static SupplyDemandMetricRow Metric(int n) =>
        new(Cell + n, Start.AddMinutes(n), "singapore", 3, 9, 3.4, 8.1, 7.5, 0.42, "undersupplied", 1.25);

    public static DriverIncentiveRow Ledger(int n, string kind = "commit", decimal amount = 12.50m) =>
        new("camp-1", $"offer-{n}", kind, $"driver-{n % 7}", amount, "SGD", Start.AddSeconds(n), "arrived on time");

    public static RepositionSuggestionRow Suggestion(int n) =>
        new($"offer-{n}", "offered", Start, "singapore", "driver-1", Cell, Cell + 1, "camp-1", 14.75m, "SGD", 2.3, 360, "deficit 0.42 < 0.5",
            JsonSerializer.SerializeToElement(new { ratio = 0.42, urgency = 1.2 }));

    public static IncentiveCampaignRow Campaign(int version) =>
        new("camp-1", version, Start, "singapore", "reposition_bonus", "Morning rush", "active", 5000m, 120.50m, 880.25m, "SGD",
            Start, Start.AddHours(4), 100m, [Cell, Cell + 1]);

    public static TripAnalyticsRow Trip(int n) =>
        new($"trip-{n}", "driver-1", "singapore", Start, Start.AddMinutes(23), Cell, Cell + 2, 11.4, 24.80m, 19.84m, "SGD", 240, "offer-1");

    public static DriverPerformanceRow Performance(int n) =>
        new($"driver-{n}", Start, "singapore", 0.68, 0.05, 4.8, 6.5, "gold", 12, 8, 7);
}
