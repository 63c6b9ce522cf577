using Orleans;
using Orleans.Runtime;
using SupplyGrid.Grains;
using SupplyGrid.Grains.Ports;
using SupplyGrid.Postgres.History;
using SupplyGrid.Silo.Storage.History;

namespace SupplyGrid.Silo.Storage;

/// <summary>
/// The grains' history port on the PostgreSQL history writers. Cell minutes are buffered (dropped and counted when the
/// buffer is full); offer transitions, ledger movements and campaign versions are written with their commit awaited by
/// the recording grain's next state write (<see cref="PendingHistoryWrites"/>), which makes the ledger exact across a
/// crash and turns a full buffer into backpressure on the grains that produce the rows. A row that fails its own
/// checks (a mapping the tables cannot hold) is logged and counted, never thrown into the grain's turn.
/// </summary>
internal sealed class PostgresAnalyticsSink(
    IHistoryWriter<SupplyDemandMetricRow> metrics,
    IHistoryWriter<RepositionSuggestionRow> offers,
    IHistoryWriter<DriverIncentiveRow> ledger,
    IHistoryWriter<IncentiveCampaignRow> campaigns,
    PendingHistoryWrites pending,
    IGrainFactory grains,
    ILogger<PostgresAnalyticsSink> logger) : IAnalyticsSink
{
    // The grain types, resolved once: the rows name their grain by key, and the storage waits by grain id.
    private readonly Lazy<GrainType> _driverType = new(() => grains.GetGrain<IDriverGrain>("-").GetGrainId().Type);
    private readonly Lazy<GrainType> _campaignType = new(() => grains.GetGrain<ICampaignGrain>("-").GetGrainId().Type);
    private long _refused;

    /// <summary>Rows refused by their own checks since start.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    public void CellMinute(CellSnapshot snapshot)
    {
        if (TryMake(snapshot, GridHistoryRows.Metric) is not { } row)
            return;
        var written = metrics.EnqueueAsync(row);
        if (!written.IsCompleted)
            _ = ObserveAsync(written.AsTask(), SupplyDemandMetricRow.Schema.Table);
    }

    public void OfferTransition(OfferHistoryRow row)
    {
        if (TryMake(row, GridHistoryRows.Offer) is { } made)
            pending.Track(GrainId.Create(_driverType.Value, row.DriverId), offers.WriteCommittedAsync(made));
    }

    public void Ledger(LedgerHistoryRow row)
    {
        if (TryMake(row, GridHistoryRows.Ledger) is { } made)
            pending.Track(GrainId.Create(_campaignType.Value, row.CampaignId), ledger.WriteCommittedAsync(made));
    }

    public void Campaign(CampaignView campaign)
    {
        if (TryMake(campaign, GridHistoryRows.Campaign) is { } made)
            pending.Track(GrainId.Create(_campaignType.Value, campaign.Id), campaigns.WriteCommittedAsync(made));
    }

    private TRow? TryMake<TSource, TRow>(TSource source, Func<TSource, TRow> make)
        where TRow : class, IHistoryRow<TRow>
    {
        try
        {
            var row = make(source);
            row.Validate();
            return row;
        }
        catch (ArgumentException error)
        {
            Interlocked.Increment(ref _refused);
            logger.LogError(error, "A {Table} history row was refused by its checks and is not written: {Source}", TRow.Schema.Table, source);
            return null;
        }
    }

    private async Task ObserveAsync(Task written, string table)
    {
        try
        {
            await written;
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "A {Table} history row was not buffered", table);
        }
    }
}
