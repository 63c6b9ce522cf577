namespace SupplyGrid.Silo.OperatorDashboard;

/// <summary>
/// The history as columns (GET /silo/api/history): one time axis and, per figure, the values at those times, so a
/// chart draws a series without reshaping and a page can append the samples after the last one it has.
/// </summary>
/// <param name="IntervalSeconds">The sampling interval.</param>
/// <param name="Capacity">The most samples the silo keeps.</param>
/// <param name="Time">When each sample was taken (UTC), oldest first.</param>
/// <param name="Series">Silo-wide figures by name (see <see cref="SeriesNames"/>).</param>
/// <param name="KafkaRecordsPerSecond">Records taken per second, per topic (0 before the topic appeared).</param>
public sealed record HistoryView(
    double IntervalSeconds,
    int Capacity,
    IReadOnlyList<DateTimeOffset> Time,
    IReadOnlyDictionary<string, double[]> Series,
    IReadOnlyDictionary<string, double[]> KafkaRecordsPerSecond)
{
    private static readonly (string Name, Func<SiloSample, double> Value)[] s_series =
    [
        ("kafka_consumer_lag", s => s.Kafka?.ConsumerLag ?? 0),
        ("kafka_in_cache", s => s.Kafka?.InCache ?? 0),
        ("kafka_dead_letters", s => s.Kafka?.DeadLetters ?? 0),
        ("offers_sent", s => s.Offers.Sent),
        ("offers_accepted", s => s.Offers.Accepted),
        ("offers_declined", s => s.Offers.Declined),
        ("offers_expired", s => s.Offers.Expired),
        ("offers_arrived", s => s.Offers.Arrived),
        ("offers_failed", s => s.Offers.Failed),
    ];

    /// <summary>The names in <see cref="Series"/>.</summary>
    public static IEnumerable<string> SeriesNames => s_series.Select(s => s.Name);

    public static HistoryView From(IReadOnlyList<SiloSample> samples, TimeSpan interval, int capacity)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var series = s_series.ToDictionary(s => s.Name, s => Column(samples, s.Value), StringComparer.Ordinal);

        var topics = samples.SelectMany(s => s.Kafka?.RecordsPerSecond.Keys ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var kafka = topics.ToDictionary(topic => topic,
            topic => Column(samples, s => s.Kafka?.RecordsPerSecond.GetValueOrDefault(topic) ?? 0), StringComparer.Ordinal);

        return new HistoryView(interval.TotalSeconds, capacity, [.. samples.Select(s => s.At)], series, kafka);
    }

    private static double[] Column(IReadOnlyList<SiloSample> samples, Func<SiloSample, double> value)
    {
        var column = new double[samples.Count];
        for (var i = 0; i < column.Length; i++)
            column[i] = Math.Round(value(samples[i]), 3);
        return column;
    }
}
