namespace SupplyGrid.Grains.Policies;

/// <summary>Reposition planning (configuration section <see cref="SectionName"/>), per city.</summary>
public sealed record RepositionOptions
{
    public const string SectionName = "Policies:Reposition";

    /// <summary>Candidates are looked for within this distance first. DOMAIN.md: 2 km.</summary>
    public double SearchRadiusKm { get; set; } = 2.0;

    /// <summary>When no candidate qualifies within <see cref="SearchRadiusKm"/>, the search widens to this. DOMAIN.md: 5 km.</summary>
    public double WidenedRadiusKm { get; set; } = 5.0;

    /// <summary>
    /// Expected arrivals to aim for beyond the drivers needed (choice: 0; the acceptance probabilities already
    /// account for declines). Raise it to hedge against late or failed moves.
    /// </summary>
    public double ArrivalMargin { get; set; } = 0.0;

    /// <summary>Most offers one plan may send, whatever the probabilities (choice: 20).</summary>
    public int MaxOffersPerPlan { get; set; } = 20;

    /// <summary>
    /// When set, a cell in deficit plans offers only while its smoothed ratio is below this (choice: unset, every
    /// deficit cell plans). Lets offers go only where bookings are likely to expire without changing the status bands
    /// the heatmap shows or how far a donor may be drained (docs/evaluation.md has its measured effect).
    /// </summary>
    public double? OfferBelowRatio { get; set; }

    public void Validate()
    {
        Guard.Positive(SearchRadiusKm);
        Guard.Ascending(SearchRadiusKm, WidenedRadiusKm, nameof(SearchRadiusKm), nameof(WidenedRadiusKm));
        Guard.Finite(WidenedRadiusKm);
        Guard.InRange(ArrivalMargin, 0, 10);
        Guard.Positive(MaxOffersPerPlan);
        if (OfferBelowRatio is { } offerBelow)
            Guard.Positive(offerBelow, nameof(OfferBelowRatio));
    }
}
