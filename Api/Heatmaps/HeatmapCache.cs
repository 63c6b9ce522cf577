using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupplyGrid.Api.Configuration;
using SupplyGrid.Api.Json;
using SupplyGrid.Api.Live;
using SupplyGrid.Grains;
using SupplyGrid.Grains.Ports;
using Orleans;

namespace SupplyGrid.Api.Heatmaps;

/// <summary>
/// Each city's heatmap as ready-to-send JSON bytes, so the hot read (GET /api/heatmap/{city}) costs a dictionary
/// lookup and a copy to the socket. A city change or <see cref="HeatmapOptions.CacheMaxAge"/> makes an entry stale:
/// the next reader starts one refresh from the city grain and, like every reader until it lands, gets the previous
/// bytes. Only the first read of a city waits for the grain.
/// </summary>
internal sealed class HeatmapCache : ICityChangeListener
{
    private readonly IGrainFactory _grains;
    private readonly ILogger<HeatmapCache> _logger;
    private readonly long _maxAgeTicks;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public HeatmapCache(IGrainFactory grains, IOptions<HeatmapOptions> options, ILogger<HeatmapCache> logger)
    {
        _grains = grains;
        _logger = logger;
        _maxAgeTicks = (long)(options.Value.CacheMaxAge.TotalSeconds * Stopwatch.Frequency);
    }

    /// <summary>The cached heatmap of a known city; refreshes it in the background when stale.</summary>
    public ValueTask<CachedHeatmap> GetAsync(string cityId)
    {
        var entry = _entries.GetOrAdd(cityId, static id => new Entry(id));
        var current = entry.Current;
        if (current is null)
            return new ValueTask<CachedHeatmap>(entry.RefreshAsync(this));
        if (IsStale(entry, current))
            _ = entry.RefreshAsync(this);
        return new ValueTask<CachedHeatmap>(current);
    }

    /// <summary>A heatmap no older than the city's last published change: waits for a refresh when needed.</summary>
    public async Task<CachedHeatmap> GetFreshAsync(string cityId)
    {
        var entry = _entries.GetOrAdd(cityId, static id => new Entry(id));
        var current = entry.Current;
        return current is not null && current.Version == Volatile.Read(ref entry.Version) ? current : await entry.RefreshAsync(this);
    }

    public void OnCityChange(CityChange change)
    {
        if (_entries.TryGetValue(change.CityId, out var entry))
            Interlocked.Increment(ref entry.Version);
    }

    private bool IsStale(Entry entry, CachedHeatmap current) =>
        current.Version != Volatile.Read(ref entry.Version) || Stopwatch.GetTimestamp() - current.FetchedTimestamp > _maxAgeTicks;

    private async Task<CachedHeatmap> LoadAsync(Entry entry)
    {
        var version = Volatile.Read(ref entry.Version);
        var fetched = Stopwatch.GetTimestamp();
        var heatmap = await _grains.GetGrain<ICityGrain>(entry.CityId).GetHeatmap().ConfigureAwait(false);
        var rounded = HeatmapFigures.Rounded(heatmap);
        var json = JsonSerializer.SerializeToUtf8Bytes(rounded, ApiJsonContext.Default.Heatmap);
        var tag = Convert.ToBase64String(SHA256.HashData(json), 0, 12).Replace('+', '-').Replace('/', '_');
        return new CachedHeatmap(json, Gzip(json), $"\"{tag}\"", $"\"{tag}-gzip\"", rounded.Zones.Count, version, fetched, heatmap.UpdatedAt);
    }

    /// <summary>
    /// The body compressed once per refresh: a city's heatmap shrinks several times over, and dashboards (browsers)
    /// always accept gzip, so each read then moves a fraction of the bytes through both ends of the socket.
    /// </summary>
    private static byte[] Gzip(byte[] json)
    {
        using var buffer = new MemoryStream(json.Length / 4);
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(json);
        return buffer.ToArray();
    }

    private sealed class Entry(string cityId)
    {
        public readonly string CityId = cityId;

        /// <summary>Bumped by every published change of the city.</summary>
        public long Version;

        private volatile CachedHeatmap? _current;
        private Task<CachedHeatmap>? _refresh;

        public CachedHeatmap? Current => _current;

        /// <summary>Starts a refresh unless one is running; either way returns the running one.</summary>
        public Task<CachedHeatmap> RefreshAsync(HeatmapCache cache)
        {
            var running = Volatile.Read(ref _refresh);
            if (running is not null)
                return running;
            var started = new TaskCompletionSource<CachedHeatmap>(TaskCreationOptions.RunContinuationsAsynchronously);
            running = Interlocked.CompareExchange(ref _refresh, started.Task, null);
            if (running is not null)
                return running;
            _ = RunAsync(cache, started);
            return started.Task;
        }

        private async Task RunAsync(HeatmapCache cache, TaskCompletionSource<CachedHeatmap> completion)
        {
            try
            {
                // Off the caller's thread: the grain's answer continues on a grid thread, and serializing a city is not nothing.
                var loaded = await Task.Run(() => cache.LoadAsync(this)).ConfigureAwait(false);
                _current = loaded;
                Volatile.Write(ref _refresh, null);
                completion.SetResult(loaded);
            }
            catch (Exception ex)
            {
                Volatile.Write(ref _refresh, null);
                if (_current is not null)
                    cache._logger.LogWarning(ex, "Refreshing the heatmap of {City} failed; serving the previous one", CityId);
                completion.SetException(ex);
            }
        }
    }
}

/// <summary>One city's heatmap, serialized.</summary>
/// <param name="Json">The UTF-8 JSON body.</param>
/// <param name="GzipJson">The same, gzip-compressed.</param>
/// <param name="ETag">A strong entity tag of the body.</param>
/// <param name="GzipETag">The compressed representation's tag (a different representation needs a different strong tag).</param>
/// <param name="Zones">Zones in it.</param>
/// <param name="Version">The city's change count when it was fetched.</param>
/// <param name="FetchedTimestamp">Stopwatch timestamp of the fetch.</param>
/// <param name="AsOf">
/// The heatmap's own time, on the grid's clock (its newest cell update): changes the city published before it are in
/// the heatmap. Not the API's clock, which need not agree with the grid's (another process, a test's manual clock).
/// </param>
internal sealed record CachedHeatmap(byte[] Json, byte[] GzipJson, string ETag, string GzipETag, int Zones, long Version, long FetchedTimestamp, DateTimeOffset AsOf);
