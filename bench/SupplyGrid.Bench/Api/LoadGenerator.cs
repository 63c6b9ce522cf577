using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace SupplyGrid.Bench.Api;

/// <summary>
/// The second process of the heatmap benchmark: an open-loop client. Request i is due at start + i / rate whatever
/// happened to earlier ones; its latency runs from that due time to the last byte of the body, so a stalled server
/// shows in the latencies of every request it delayed (no coordinated omission). Requests due in the warm-up are not
/// counted. Asks for gzip as browsers do, unless --identity. Prints one JSON line with the percentiles.
/// </summary>
internal static class LoadGenerator
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var url = new Uri(args.String("url") ?? throw new ArgumentException("--url is required"));
        var rate = args.Double("rate", 2_000);
        var seconds = args.Double("seconds", 20);
        var warmup = args.Double("warmup", 5);
        var connections = checked((int)args.Long("connections", 64));
        var identity = args.Has("identity");
        var token = Environment.GetEnvironmentVariable(HeatmapSuite.TokenVariable)
            ?? throw new InvalidOperationException($"{HeatmapSuite.TokenVariable} is not set");

        using var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            UseProxy = false,
        });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        // As a browser asks; the body is read to its last byte but not inflated (that is the client's own work).
        if (!identity)
            client.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        // Open the connections before the clock starts.
        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => FetchAsync(client, url)));

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var warmupCount = (long)(rate * warmup);
        var total = warmupCount + (long)(rate * seconds);
        var interval = Stopwatch.Frequency / rate;
        var latencies = new long[total];
        var failed = new bool[total];
        var outstanding = new CountdownEvent(1);
        var start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 10;
        var scheduler = new Thread(() =>
        {
            for (long i = 0; i < total; i++)
            {
                var due = start + (long)(i * interval);
                PreciseSleep.Until(due);
                outstanding.AddCount();
                _ = MeasureAsync(client, url, i, latencies, failed, outstanding);
            }
        }) { IsBackground = true, Priority = ThreadPriority.AboveNormal, Name = "schedule" };
        scheduler.Start();
        scheduler.Join();
        outstanding.Signal();
        outstanding.Wait();

        var measuredStart = start + (long)(warmupCount * interval);
        var lastEnd = 0L;
        var sample = new List<double>((int)(total - warmupCount));
        long errors = 0;
        for (var i = warmupCount; i < total; i++)
        {
            if (failed[i])
            {
                errors++;
                continue;
            }

            var due = start + (long)(i * interval);
            sample.Add((latencies[i] - due) * 1000.0 / Stopwatch.Frequency);
            lastEnd = Math.Max(lastEnd, latencies[i]);
        }

        sample.Sort();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var measuredSeconds = (lastEnd - measuredStart) / (double)Stopwatch.Frequency;
        BenchOutput.WriteLine(new Dictionary<string, object?>
        {
            ["requests"] = total - warmupCount,
            ["errors"] = errors,
            ["p50_ms"] = Percentile(sample, 0.50),
            ["p99_ms"] = Percentile(sample, 0.99),
            ["p999_ms"] = Percentile(sample, 0.999),
            ["max_ms"] = sample.Count == 0 ? double.NaN : sample[^1],
            ["achieved_per_s"] = measuredSeconds > 0 ? sample.Count / measuredSeconds : 0,
            ["cpu_ms_per_request"] = cpu.TotalMilliseconds / total,
        });
        return 0;
    }

    /// <summary>Records the completion timestamp of request <paramref name="index"/> (or its failure).</summary>
    private static async Task MeasureAsync(HttpClient client, Uri url, long index, long[] completions, bool[] failed, CountdownEvent outstanding)
    {
        try
        {
            failed[index] = !await FetchAsync(client, url);
        }
        catch (HttpRequestException)
        {
            failed[index] = true;
        }
        finally
        {
            completions[index] = Stopwatch.GetTimestamp();
            outstanding.Signal();
        }
    }

    /// <summary>Reads the whole body into a pooled buffer (the bytes are not kept); true for a 200.</summary>
    private static async Task<bool> FetchAsync(HttpClient client, Uri url)
    {
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync();
            while (await body.ReadAsync(buffer) > 0)
            {
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return response.StatusCode == HttpStatusCode.OK;
    }

    private static double Percentile(List<double> sorted, double quantile) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(quantile * sorted.Count) - 1)];
}
