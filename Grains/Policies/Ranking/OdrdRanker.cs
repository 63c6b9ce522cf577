namespace SupplyGrid.Grains.Policies;

/// <summary>
/// Scores dispatch candidates for a pickup, best first:
/// <code>
/// score = (0.5 ETA + 0.2 acceptance + 0.1 rating + 0.2 supply context) / total weight
/// ETA = exp(-minutes / 8)
/// supply context = clamp(ln(r_after / 0.5) / ln(2.0 / 0.5), 0, 1)     r_after: the driver's cell without the driver
/// </code>
/// The supply context is 0 when taking the driver leaves their cell in deficit (a cost to the grid), 1 when it
/// stays oversupplied or has no demand (it helps), and 0.5 at ratio 1. Equal scores are ordered by driver id
/// (ordinal), then by position, so the order is deterministic.
/// </summary>
/// <remarks>
/// Built for the dispatch hot path: no LINQ, no allocation (scores go into the caller's span, sorted in
/// place with a cached comparison). Driver ids are not de-duplicated; the caller passes each driver once.
/// </remarks>
public sealed class OdrdRanker
{
    // A cached delegate: Span.Sort with a struct IComparer boxes it and builds a delegate on every call.
    private static readonly Comparison<OdrdScore> BestFirst = static (x, y) =>
    {
        var byScore = y.Score.CompareTo(x.Score);
        if (byScore != 0)
        {
            return byScore;
        }

        var byId = string.CompareOrdinal(x.DriverId, y.DriverId);
        return byId != 0 ? byId : x.CandidateIndex.CompareTo(y.CandidateIndex);
    };

    private readonly int _maxCandidates;
    private readonly double _etaScaleMinutes;
    private readonly double _etaWeight;
    private readonly double _acceptanceWeight;
    private readonly double _ratingWeight;
    private readonly double _contextWeight;
    private readonly double _ratingFloor;
    private readonly double _ratingTop;
    private readonly double _logUndersupplied;
    private readonly double _logRange;
    private readonly ImbalanceClassifier _imbalance;
    private readonly TravelTimeEstimator _travelTime;

    public OdrdRanker(OdrdOptions options, ImbalanceClassifier imbalance, TravelTimeEstimator travelTime)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(imbalance);
        ArgumentNullException.ThrowIfNull(travelTime);
        options.Validate();
        var totalWeight = options.EtaWeight + options.AcceptanceWeight + options.RatingWeight + options.SupplyContextWeight;
        _maxCandidates = options.MaxCandidates;
        CellFiguresMaxAge = options.CellFiguresMaxAge;
        _etaScaleMinutes = options.EtaScaleMinutes;
        _etaWeight = options.EtaWeight / totalWeight;
        _acceptanceWeight = options.AcceptanceWeight / totalWeight;
        _ratingWeight = options.RatingWeight / totalWeight;
        _contextWeight = options.SupplyContextWeight / totalWeight;
        _ratingFloor = options.RatingFloor;
        _ratingTop = options.RatingTop;
        _logUndersupplied = Math.Log(imbalance.UndersuppliedBelow);
        _logRange = Math.Log(imbalance.OversuppliedAbove) - _logUndersupplied;
        _imbalance = imbalance;
        _travelTime = travelTime;
    }

    /// <summary>The most candidates one call accepts.</summary>
    public int MaxCandidates => _maxCandidates;

    /// <summary>How long a ranking worker may reuse a cell's figures (<see cref="OdrdOptions.CellFiguresMaxAge"/>).</summary>
    public TimeSpan CellFiguresMaxAge { get; }

    /// <summary>
    /// Scores every candidate into <paramref name="destination"/>, sorted best first, and returns how many were
    /// written (always <paramref name="candidates"/>.Length).
    /// </summary>
    public int Rank(ReadOnlySpan<OdrdCandidate> candidates, Span<OdrdScore> destination)
    {
        if (candidates.Length > _maxCandidates)
        {
            throw new ArgumentOutOfRangeException(nameof(candidates), candidates.Length, $"At most {_maxCandidates} candidates can be ranked at once.");
        }

        if (destination.Length < candidates.Length)
        {
            throw new ArgumentException($"{nameof(destination)} must hold at least {candidates.Length} scores.", nameof(destination));
        }

        for (var i = 0; i < candidates.Length; i++)
        {
            destination[i] = Score(candidates[i], i);
        }

        destination[..candidates.Length].Sort(BestFirst);
        return candidates.Length;
    }

    private OdrdScore Score(in OdrdCandidate candidate, int index)
    {
        Guard.NotBlank(candidate.DriverId);
        Guard.NonNegative(candidate.DistanceKm);
        Guard.Fraction(candidate.AcceptanceRate);
        Guard.NonNegative(candidate.CellSupply);
        Guard.NonNegative(candidate.CellDemand);
        RatingScale.Validate(candidate.Rating);

        var etaMinutes = _travelTime.Minutes(candidate.DistanceKm);
        var etaScore = Math.Exp(-etaMinutes / _etaScaleMinutes);
        var ratingScore = RatingScale.Score(candidate.Rating, _ratingFloor, _ratingTop);
        var after = _imbalance.Assess(Math.Max(0, candidate.CellSupply - 1), candidate.CellDemand);
        var contextScore = after.IsQuiet ? 1.0 : Math.Clamp((Math.Log(after.Ratio) - _logUndersupplied) / _logRange, 0, 1);
        var context = after.IsDeficit ? SupplyContext.DrainsDeficit
            : after.IsQuiet || after.Status == SupplyStatus.Oversupplied ? SupplyContext.RelievesSurplus
            : SupplyContext.Neutral;

        var score = _etaWeight * etaScore + _acceptanceWeight * candidate.AcceptanceRate
                    + _ratingWeight * ratingScore + _contextWeight * contextScore;
        return new OdrdScore(candidate.DriverId, index, Math.Clamp(score, 0, 1), etaMinutes, etaScore,
            candidate.AcceptanceRate, ratingScore, contextScore, after.Ratio, context);
    }
}
