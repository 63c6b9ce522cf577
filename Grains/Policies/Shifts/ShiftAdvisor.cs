namespace SupplyGrid.Grains.Policies;

/// <summary>
/// Picks the coming hours with the best expected earnings for a driver:
/// <code>
/// trips       = min(2.5, demand / (supply + 1))       the driver joins the supply and gets a fair share
/// earnings    = trips x average earnings per trip
/// confidence  = samples / (samples + 4) x max(0, 1 - MAPE)
/// </code>
/// Hours that have started, and hours with confidence below 0.2, are left out; the rest are ordered by
/// expected earnings, then confidence, then time, and the first five returned.
/// </summary>
public sealed class ShiftAdvisor
{
    private readonly ShiftAdviceOptions _options;

    public ShiftAdvisor(ShiftAdviceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options with { };
    }

    /// <param name="hours">The forecast hours of the coming days, in any order.</param>
    /// <param name="averageEarningsPerTrip">The driver's average earnings per trip.</param>
    /// <param name="now">The current time; hours starting before it are skipped.</param>
    /// <returns>The best hours, best first.</returns>
    public IReadOnlyList<ShiftSuggestion> Advise(ReadOnlySpan<HourlyOutlook> hours, decimal averageEarningsPerTrip, DateTimeOffset now)
    {
        Guard.NonNegative(averageEarningsPerTrip);
        var suggestions = new List<ShiftSuggestion>();
        foreach (var hour in hours)
        {
            Guard.NonNegative(hour.ExpectedDemand);
            Guard.NonNegative(hour.ExpectedSupply);
            Guard.NonNegative(hour.ForecastMape);
            Guard.NonNegative(hour.ForecastSamples);
            if (hour.HourStart < now)
            {
                continue;
            }

            var confidence = hour.ForecastSamples / (hour.ForecastSamples + _options.HalfConfidenceSamples)
                             * Math.Max(0, 1 - hour.ForecastMape);
            if (confidence < _options.MinimumConfidence)
            {
                continue;
            }

            var trips = Math.Min(_options.MaxTripsPerHour, hour.ExpectedDemand / (hour.ExpectedSupply + 1));
            var earnings = Math.Round((decimal)trips * averageEarningsPerTrip, 2, MidpointRounding.AwayFromZero);
            suggestions.Add(new ShiftSuggestion(hour.HourStart, trips, earnings, confidence));
        }

        suggestions.Sort(BestFirst);
        if (suggestions.Count > _options.MaxSuggestions)
        {
            suggestions.RemoveRange(_options.MaxSuggestions, suggestions.Count - _options.MaxSuggestions);
        }

        return suggestions;
    }

    private static int BestFirst(ShiftSuggestion a, ShiftSuggestion b)
    {
        var byEarnings = b.ExpectedEarnings.CompareTo(a.ExpectedEarnings);
        if (byEarnings != 0)
        {
            return byEarnings;
        }

        var byConfidence = b.Confidence.CompareTo(a.Confidence);
        return byConfidence != 0 ? byConfidence : a.HourStart.CompareTo(b.HourStart);
    }
}
