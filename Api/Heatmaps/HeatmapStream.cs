using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SupplyGrid.Api.Configuration;
using SupplyGrid.Api.Json;
using SupplyGrid.Api.Live;
using SupplyGrid.Grains.Ports;

namespace SupplyGrid.Api.Heatmaps;

/// <summary>
/// GET /api/heatmap/{city}/stream as server-sent events: "snapshot" (the whole heatmap) first, then a "change" (the
/// zones that changed, retired cells, the KPIs) for every publication of the city, and a comment line when idle.
/// The stream subscribes before it reads the snapshot, so no change falls between the two; changes the snapshot
/// already contains are skipped. A reader too slow for <see cref="HeatmapOptions.StreamBuffer"/> changes gets a new
/// snapshot instead of the missed changes. The stream ends when the client leaves or the host stops.
/// </summary>
internal sealed class HeatmapStreams(CityChangeHub hub, HeatmapCache cache, IOptions<HeatmapOptions> options, IHostApplicationLifetime lifetime)
{
    private static readonly byte[] Heartbeat = ": keep-alive\n\n"u8.ToArray();
    private static readonly byte[] Preamble = "retry: 5000\n\n"u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();

    private readonly HeatmapOptions _options = options.Value;
    private int _open;

    /// <summary>Streams open now.</summary>
    public int Open => Volatile.Read(ref _open);

    /// <summary>Claims a stream slot; false when <see cref="HeatmapOptions.MaxStreams"/> are open.</summary>
    public bool TryOpen()
    {
        if (Interlocked.Increment(ref _open) <= _options.MaxStreams)
            return true;
        Interlocked.Decrement(ref _open);
        return false;
    }

    /// <summary>Runs one stream in a slot claimed with <see cref="TryOpen"/>, and frees the slot.</summary>
    public async Task RunAsync(HttpContext context, string cityId)
    {
        try
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
            var reader = new Reader(_options.StreamBuffer);
            using var subscription = hub.Subscribe(cityId, reader);
            var response = context.Response;
            response.ContentType = "text/event-stream";
            response.Headers.CacheControl = "no-cache";
            response.Headers["X-Accel-Buffering"] = "no";
            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            await response.Body.WriteAsync(Preamble, stop.Token);
            try
            {
                await PumpAsync(response, cityId, reader, stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The client left or the host is stopping: the stream simply ends.
            }
        }
        finally
        {
            Interlocked.Decrement(ref _open);
        }
    }

    private async Task PumpAsync(HttpResponse response, string cityId, Reader reader, CancellationToken stop)
    {
        var snapshot = await cache.GetFreshAsync(cityId).WaitAsync(stop);
        await WriteEventAsync(response, "snapshot", snapshot.Json, stop);
        var snapshotAt = snapshot.AsOf;
        while (!stop.IsCancellationRequested)
        {
            if (!await WaitAsync(reader.Changes, stop))
            {
                await response.Body.WriteAsync(Heartbeat, stop);
                await response.Body.FlushAsync(stop);
                continue;
            }

            if (reader.TakeOverflow())
            {
                while (reader.Changes.TryRead(out _))
                {
                }

                snapshot = await cache.GetFreshAsync(cityId).WaitAsync(stop);
                await WriteEventAsync(response, "snapshot", snapshot.Json, stop);
                snapshotAt = snapshot.AsOf;
                continue;
            }

            while (reader.Changes.TryRead(out var change))
            {
                if (change.At < snapshotAt)
                    continue;
                var json = JsonSerializer.SerializeToUtf8Bytes(HeatmapFigures.Rounded(change), ApiJsonContext.Default.CityChange);
                await WriteEventAsync(response, "change", json, stop);
            }
        }
    }

    /// <summary>True when a change is waiting; false after a heartbeat interval without one.</summary>
    private async Task<bool> WaitAsync(ChannelReader<CityChange> changes, CancellationToken stop)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(stop);
        idle.CancelAfter(_options.StreamHeartbeat);
        try
        {
            return await changes.WaitToReadAsync(idle.Token);
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            return false;
        }
    }

    private static async Task WriteEventAsync(HttpResponse response, string name, byte[] json, CancellationToken stop)
    {
        // JSON written by the serializer has no line breaks, so the whole document is one data line.
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes($"event: {name}\ndata: "), stop);
        await response.Body.WriteAsync(json, stop);
        await response.Body.WriteAsync(EventEnd, stop);
        await response.Body.FlushAsync(stop);
    }

    /// <summary>One stream's inbox: a bounded queue filled inside the city grain's turn, never blocking it.</summary>
    private sealed class Reader(int capacity) : ICityChangeListener
    {
        private readonly Channel<CityChange> _changes = Channel.CreateBounded<CityChange>(
            new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

        private int _overflowed;

        public ChannelReader<CityChange> Changes => _changes.Reader;

        public void OnCityChange(CityChange change)
        {
            // A full queue means the reader is awake but behind: it will find the flag and resynchronise.
            if (!_changes.Writer.TryWrite(change))
                Volatile.Write(ref _overflowed, 1);
        }

        public bool TakeOverflow() => Interlocked.Exchange(ref _overflowed, 0) == 1;
    }
}
