using System.Collections.Concurrent;

namespace SupplyGrid.Grains.Ports;

/// <summary>Keeps every history row in memory (tests); the default run registers <see cref="NullAnalyticsSink"/>.</summary>
public sealed class InMemoryAnalyticsSink : IAnalyticsSink
{
    private readonly ConcurrentQueue<CellSnapshot> _cells = new();
    private readonly ConcurrentQueue<OfferHistoryRow> _offers = new();
    private readonly ConcurrentQueue<LedgerHistoryRow> _ledger = new();
    private readonly ConcurrentQueue<CampaignView> _campaigns = new();

    public IReadOnlyList<CellSnapshot> CellMinutes => _cells.ToArray();

    public IReadOnlyList<OfferHistoryRow> Offers => _offers.ToArray();

    public IReadOnlyList<LedgerHistoryRow> LedgerRows => _ledger.ToArray();

    public IReadOnlyList<CampaignView> Campaigns => _campaigns.ToArray();

    public void CellMinute(CellSnapshot snapshot) => _cells.Enqueue(snapshot);

    public void OfferTransition(OfferHistoryRow row) => _offers.Enqueue(row);

    public void Ledger(LedgerHistoryRow row) => _ledger.Enqueue(row);

    public void Campaign(CampaignView campaign) => _campaigns.Enqueue(campaign);
}
