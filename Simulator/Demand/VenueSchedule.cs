namespace SupplyGrid.Simulator;

/// <summary>
/// When event crowds travel, as shares of an event's bookings falling in a local-time interval: arrivals spread
/// evenly over the 90 minutes before the start; departures follow a triangle from 10 minutes before the end to an hour
/// after it, peaking 15 minutes after the end (people queue for cars as the stadium empties).
/// </summary>
public static class VenueSchedule
{
    public static readonly TimeSpan ArrivalWindow = TimeSpan.FromMinutes(90);
    public static readonly TimeSpan DeparturesFrom = TimeSpan.FromMinutes(-10);
    public static readonly TimeSpan DeparturesPeak = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan DeparturesTo = TimeSpan.FromMinutes(60);

    /// <summary>The share of one event's arrivals in [<paramref name="from"/>, <paramref name="to"/>) local time.</summary>
    public static double ArrivalShare(Venue venue, DateTime from, DateTime to) =>
        SumOverOccurrences(venue, from, to, static (start, _, a, b) =>
            Overlap(a, b, start - ArrivalWindow, start) / ArrivalWindow.TotalMinutes);

    /// <summary>The share of one event's departures in [<paramref name="from"/>, <paramref name="to"/>) local time.</summary>
    public static double DepartureShare(Venue venue, DateTime from, DateTime to) =>
        SumOverOccurrences(venue, from, to, static (_, end, a, b) =>
            TriangleCdf((b - end).TotalMinutes) - TriangleCdf((a - end).TotalMinutes));

    private static double SumOverOccurrences(Venue venue, DateTime from, DateTime to, Func<DateTime, DateTime, DateTime, DateTime, double> share)
    {
        ArgumentNullException.ThrowIfNull(venue);
        double total = 0;
        // An occurrence's windows reach at most a day either side of its start date.
        for (var date = from.Date.AddDays(-1); date <= to.Date.AddDays(1); date = date.AddDays(1))
        {
            if (!venue.Days.Contains(date.DayOfWeek))
                continue;
            var start = date + venue.LocalStart;
            total += share(start, start + venue.Duration, from, to);
        }
        return total;
    }

    private static double Overlap(DateTime a, DateTime b, DateTime windowStart, DateTime windowEnd)
    {
        var lo = a > windowStart ? a : windowStart;
        var hi = b < windowEnd ? b : windowEnd;
        return hi > lo ? (hi - lo).TotalMinutes : 0;
    }

    /// <summary>Cumulative share of departures by minutes relative to the end of the event.</summary>
    private static double TriangleCdf(double minutes)
    {
        double a = DeparturesFrom.TotalMinutes, c = DeparturesPeak.TotalMinutes, b = DeparturesTo.TotalMinutes;
        if (minutes <= a)
            return 0;
        if (minutes >= b)
            return 1;
        return minutes <= c
            ? (minutes - a) * (minutes - a) / ((b - a) * (c - a))
            : 1 - (b - minutes) * (b - minutes) / ((b - a) * (b - c));
    }
}
