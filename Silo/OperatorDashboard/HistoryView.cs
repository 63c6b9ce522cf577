namespace SupplyGrid.Silo.OperatorDashboard;

/// <summary>
/// The history as columns (GET /silo/api/history): one time axis and, per figure, the values at those times, so a
/// chart draws a series without reshaping and a page can append the samples after the last one it has.
/// </summary>
/// <param name="IntervalSeconds">The sampling interval.</param>
/// <param name="Capacity">The most samples the silo keeps.</param>
/// <param name="Time">When each sample was taken (UTC), oldest first.</param>
/// <param name="Series">Silo-wide figures by name (see <see cref="SeriesNames"/>).</param>
/// <param name="GrainTypes">Per grain type: activations, mailbox depth and calls/s (0 before the type appeared).</param>
/// <param name="KafkaRecordsPerSecond">Records taken per second, per topic.</param>
public sealed record HistoryView(
    double IntervalSeconds,
    int Capacity,
    IReadOnlyList<DateTimeOffset> Time,
    IReadOnlyDictionary<string, double[]> Series,
    IReadOnlyDictionary<string, GrainTypeSeries> GrainTypes,
    IReadOnlyDictionary<string, double[]> KafkaRecordsPerSecond)
{
    private static readonly (string Name, Func<SiloSample, double> Value)[] s_series =
    [
        ("activations", s => s.Activations),
        ("pending_messages", s => s.PendingMessages),
        ("reminders", s => s.Reminders),
        ("calls_per_second", s => s.CallsPerSecond),
        ("failures_per_second", s => s.FailuresPerSecond),
        ("cpu_percent", s => s.Process.CpuPercent),
        ("working_set_bytes", s => s.Process.WorkingSetBytes),
        ("gc_heap_bytes", s => s.Process.GcHeapBytes),
        ("allocated_bytes_per_second", s => s.Process.AllocatedBytesPerSecond),
        ("gen0_per_second", s => s.Process.Gen0PerSecond),
        ("gen1_per_second", s => s.Process.Gen1PerSecond),
        ("gen2_per_second", s => s.Process.Gen2PerSecond),
        ("gc_pause_percent", s => s.Process.GcPausePercent),
        ("thread_pool_threads", s => s.Process.ThreadPoolThreads),
        ("thread_pool_queue_length", s => s.Process.ThreadPoolQueueLength),
        ("work_items_per_second", s => s.Process.WorkItemsPerSecond),
        ("kafka_consumer_lag", s => s.Kafka?.ConsumerLag ?? 0),
        ("kafka_dead_letters", s => s.Kafka?.DeadLetters ?? 0),
        ("kafka_in_flight", s => s.Kafka?.InFlight ?? 0),
    ];

    /// <summary>The names in <see cref="Series"/>.</summary>
    public static IEnumerable<string> SeriesNames => s_series.Select(s => s.Name);

    public static HistoryView From(IReadOnlyList<SiloSample> samples, TimeSpan interval, int capacity)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var n = samples.Count;
        var series = s_series.ToDictionary(s => s.Name, s => Column(samples, s.Value), StringComparer.Ordinal);

        var typeNames = samples.SelectMany(s => s.GrainTypes.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var grainTypes = typeNames.ToDictionary(name => name, name => new GrainTypeSeries(
            Column(samples, s => s.GrainTypes.GetValueOrDefault(name).Activations),
            Column(samples, s => s.GrainTypes.GetValueOrDefault(name).MailboxDepth),
            Column(samples, s => s.GrainTypes.GetValueOrDefault(name).CallsPerSecond)), StringComparer.Ordinal);

        var topics = samples.SelectMany(s => s.Kafka?.RecordsPerSecond.Keys ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var kafka = topics.ToDictionary(topic => topic,
            topic => Column(samples, s => s.Kafka?.RecordsPerSecond.GetValueOrDefault(topic) ?? 0), StringComparer.Ordinal);

        var time = new DateTimeOffset[n];
        for (var i = 0; i < n; i++)
            time[i] = samples[i].At;
        return new HistoryView(interval.TotalSeconds, capacity, time, series, grainTypes, kafka);
    }

    private static double[] Column(IReadOnlyList<SiloSample> samples, Func<SiloSample, double> value)
    {
        var column = new double[samples.Count];
        for (var i = 0; i < column.Length; i++)
            column[i] = Math.Round(value(samples[i]), 3);
        return column;
    }
}

public sealed record GrainTypeSeries(double[] Activations, double[] MailboxDepth, double[] CallsPerSecond);
