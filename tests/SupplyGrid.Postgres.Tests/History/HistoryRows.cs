using Npgsql;
using NpgsqlTypes;
using SupplyGrid.Postgres.History;

namespace SupplyGrid.Postgres.Tests.History;

/// <summary>A row of the test ledger (1001_test_history.sql): never dropped, keyed by account and entry.</summary>
public sealed record LedgerRow(string AccountId, string EntryId, decimal Amount) : IHistoryRow<LedgerRow>
{
    public static HistoryTableSchema Schema { get; } = new("test_ledger", ["account_id", "entry_id", "amount"], MayDrop: false);

    public void Validate()
    {
        RowCheck.Text(AccountId, nameof(AccountId));
        RowCheck.Text(EntryId, nameof(EntryId));
        RowCheck.Money(Amount, nameof(Amount));
    }

    void IHistoryRow<LedgerRow>.Write(NpgsqlBinaryImporter importer)
    {
        importer.WriteText(AccountId);
        importer.WriteText(EntryId);
        importer.WriteMoney(Amount);
    }
}

/// <summary>A row of the test metrics (1001_test_history.sql): one reading per sensor and minute, droppable.</summary>
public sealed record MetricRow(string SensorId, DateTimeOffset Minute, double Reading) : IHistoryRow<MetricRow>
{
    public static HistoryTableSchema Schema { get; } = new("test_metrics", ["sensor_id", "minute", "reading"], MayDrop: true);

    public void Validate() => RowCheck.Text(SensorId, nameof(SensorId));

    void IHistoryRow<MetricRow>.Write(NpgsqlBinaryImporter importer)
    {
        importer.WriteText(SensorId);
        importer.WriteInstant(Minute);
        importer.Write(Reading, NpgsqlDbType.Double);
    }
}

/// <summary>Valid sample rows, distinct by their number.</summary>
internal static class HistoryRows
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public static LedgerRow Ledger(int n, decimal amount = 12.50m) => new("account-1", $"entry-{n}", amount);

    public static MetricRow Metric(int n) => new("sensor-1", Start.AddMinutes(n), 0.42 * n);
}
