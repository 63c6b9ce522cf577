namespace SupplyGrid.Grains.Cities;

public static class OfferCountsExtensions
{
    /// <summary>
    /// Accepted over accepted, declined and expired: the offers that got an answer or ran out (failed and arrived
    /// offers were accepted first). Null before any.
    /// </summary>
    public static double? AcceptanceRate(this OfferCounts counts)
    {
        var answered = counts.Accepted + counts.Declined + counts.Expired;
        return answered == 0 ? null : counts.Accepted / (double)answered;
    }
}
