using SupplyGrid.Grains.Messaging;
using SupplyGrid.Grains.Ports;

namespace SupplyGrid.Grains.Tests.Grid;

/// <summary>
/// The grid's ports for scenarios: the domain's in-memory outbox, change feed and analytics sink, started afresh for
/// every scenario on a shared grid (the silo keeps one registration for its whole life, and restarts).
/// </summary>
internal sealed class ScenarioPorts : IMdtOutbox, ICityChangeFeed, IAnalyticsSink
{
    public InMemoryMdtOutbox Outbox { get; private set; } = new();

    public InMemoryCityChangeFeed Feed { get; private set; } = new();

    public InMemoryAnalyticsSink Analytics { get; private set; } = new();

    /// <summary>While set, a durable hand-over fails and keeps nothing: what a producer killed with its queue does.</summary>
    public bool LosesDeliveries { get; set; }

    public void Clear()
    {
        LosesDeliveries = false;
        Outbox = new InMemoryMdtOutbox();
        Feed = new InMemoryCityChangeFeed();
        Analytics = new InMemoryAnalyticsSink();
    }

    public ValueTask SendAsync(MdtMessage message, CancellationToken cancellationToken = default) => Outbox.SendAsync(message, cancellationToken);

    public ValueTask DeliverAsync(MdtMessage message, CancellationToken cancellationToken = default) =>
        LosesDeliveries
            ? ValueTask.FromException(new IOException("the producer died with the message"))
            : Outbox.DeliverAsync(message, cancellationToken);

    public void Publish(CityChange change) => Feed.Publish(change);

    public void CellMinute(CellSnapshot snapshot) => Analytics.CellMinute(snapshot);

    public void OfferTransition(OfferHistoryRow row) => Analytics.OfferTransition(row);

    public void Ledger(LedgerHistoryRow row) => Analytics.Ledger(row);

    public void Campaign(CampaignView campaign) => Analytics.Campaign(campaign);
}
