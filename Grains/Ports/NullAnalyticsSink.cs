namespace SupplyGrid.Grains.Ports;

/// <summary>Discards history rows: the default until the silo registers a store.</summary>
public sealed class NullAnalyticsSink : IAnalyticsSink
{
    public void CellMinute(CellSnapshot snapshot)
    {
    }

    public void OfferTransition(OfferHistoryRow row)
    {
    }

    public void Ledger(LedgerHistoryRow row)
    {
    }

    public void Campaign(CampaignView campaign)
    {
    }
}
