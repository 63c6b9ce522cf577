namespace SupplyGrid.Grains.Policies;

/// <summary>
/// Chooses which drivers a deficit cell offers a move to.
/// <list type="number">
/// <item>n = ceil(expected demand - supply); the offers must add n + margin - pending expected arrivals.</item>
/// <item>Eligible: available, no live offer, not already in the target cell, acceptance probability above 0, in
/// a listed donor cell that can spare a driver, within 2 km; only if nobody qualifies, within 5 km.</item>
/// <item>Ranked by travel minutes / acceptance probability (minutes of driving per expected arrival), then by
/// higher probability, then by driver id (ordinal), so equal inputs in any order give the same plan.</item>
/// <item>Taken in rank order until the probabilities add up to the target, so the plan overshoots by less than
/// one offer; never more than <see cref="RepositionOptions.MaxOffersPerPlan"/>.</item>
/// <item>A donor gives at most <see cref="ImbalanceClassifier.SpareDrivers"/>: after its drivers leave its ratio
/// stays at or above the undersupplied threshold, so a deficit never opens another one.</item>
/// </list>
/// </summary>
/// <remarks>
/// A driver listed twice (a race between cell updates) is offered at most once, in their better-ranked entry.
/// Donors count as surplus when they can spare a driver, whatever their status band: a balanced cell with room
/// may give one.
/// </remarks>
public sealed class RepositionPlanner
{
    private const double Tolerance = 1e-9;

    private readonly RepositionOptions _options;
    private readonly ImbalanceClassifier _imbalance;
    private readonly TravelTimeEstimator _travelTime;

    public RepositionPlanner(RepositionOptions options, ImbalanceClassifier imbalance, TravelTimeEstimator travelTime)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(imbalance);
        ArgumentNullException.ThrowIfNull(travelTime);
        options.Validate();
        _options = options with { };
        _imbalance = imbalance;
        _travelTime = travelTime;
    }

    /// <summary>Whether a cell so assessed plans offers: in deficit, and below <see cref="RepositionOptions.OfferBelowRatio"/> when set.</summary>
    public bool ShouldPlan(ImbalanceAssessment assessment) =>
        assessment.IsDeficit && (_options.OfferBelowRatio is not { } below || assessment.Ratio < below);

    /// <summary>
    /// How many drivers the cell lacks, and how many expected arrivals new offers must add once pending offers are
    /// counted; a cell whose target is 0 has nothing to plan and need not ask donors.
    /// </summary>
    public (int Needed, double Target) ArrivalTarget(RepositionRequest request)
    {
        Guard.NonNegative(request.ExpectedDemand);
        Guard.NonNegative(request.Supply);
        Guard.NonNegative(request.PendingArrivals);
        var needed = (int)Math.Max(0, Math.Ceiling(request.ExpectedDemand - request.Supply - Tolerance));
        var target = needed == 0 ? 0 : Math.Max(0, needed + _options.ArrivalMargin - request.PendingArrivals);
        return (needed, target <= Tolerance ? 0 : target);
    }

    public RepositionPlan Plan(RepositionRequest request, ReadOnlySpan<RepositionCandidate> candidates, ReadOnlySpan<DonorCell> donors)
    {
        var (needed, target) = ArrivalTarget(request);
        foreach (var candidate in candidates)
        {
            Validate(candidate);
        }

        if (target == 0)
        {
            return new RepositionPlan(needed, target, 0, 0, []);
        }

        var spare = SpareByCell(request.TargetCell, donors);
        var radius = _options.SearchRadiusKm;
        var ranked = RankEligible(request.TargetCell, candidates, spare, radius);
        if (ranked.Count == 0)
        {
            radius = _options.WidenedRadiusKm;
            ranked = RankEligible(request.TargetCell, candidates, spare, radius);
        }

        var offers = new List<PlannedOffer>();
        var offered = new HashSet<string>(StringComparer.Ordinal);
        var expected = 0.0;
        foreach (var offer in ranked)
        {
            if (expected >= target - Tolerance || offers.Count == _options.MaxOffersPerPlan)
            {
                break;
            }

            if (spare[offer.SourceCell] == 0 || !offered.Add(offer.DriverId))
            {
                continue;
            }

            spare[offer.SourceCell]--;
            offers.Add(offer);
            expected += offer.AcceptanceProbability;
        }

        return new RepositionPlan(needed, target, expected, radius, offers);
    }

    private static void Validate(RepositionCandidate candidate)
    {
        Guard.NotBlank(candidate.DriverId);
        Guard.NonNegative(candidate.DistanceKm);
        Guard.Fraction(candidate.AcceptanceProbability);
    }

    private Dictionary<ulong, int> SpareByCell(ulong targetCell, ReadOnlySpan<DonorCell> donors)
    {
        var spare = new Dictionary<ulong, int>(donors.Length);
        foreach (var donor in donors)
        {
            var drivers = donor.Cell == targetCell ? 0 : _imbalance.SpareDrivers(donor.Supply, donor.Demand);
            if (!spare.TryAdd(donor.Cell, drivers))
            {
                throw new ArgumentException($"Donor cell {donor.Cell:x} is listed more than once.", nameof(donors));
            }
        }

        return spare;
    }

    private List<PlannedOffer> RankEligible(
        ulong targetCell, ReadOnlySpan<RepositionCandidate> candidates, Dictionary<ulong, int> spare, double radiusKm)
    {
        var eligible = new List<PlannedOffer>();
        foreach (var c in candidates)
        {
            if (c.Available && !c.HasLiveOffer && c.SourceCell != targetCell && c.AcceptanceProbability > 0
                && c.DistanceKm <= radiusKm && spare.TryGetValue(c.SourceCell, out var room) && room > 0)
            {
                eligible.Add(new PlannedOffer(c.DriverId, c.SourceCell, c.DistanceKm, _travelTime.Minutes(c.DistanceKm), c.AcceptanceProbability));
            }
        }

        eligible.Sort(CompareRank);
        return eligible;
    }

    private static int CompareRank(PlannedOffer a, PlannedOffer b)
    {
        var byCost = (a.TravelMinutes / a.AcceptanceProbability).CompareTo(b.TravelMinutes / b.AcceptanceProbability);
        if (byCost != 0)
        {
            return byCost;
        }

        var byProbability = b.AcceptanceProbability.CompareTo(a.AcceptanceProbability);
        if (byProbability != 0)
        {
            return byProbability;
        }

        var byId = string.CompareOrdinal(a.DriverId, b.DriverId);
        return byId != 0 ? byId : a.SourceCell.CompareTo(b.SourceCell);
    }
}
