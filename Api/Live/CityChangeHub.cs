using Microsoft.Extensions.Logging;
using SupplyGrid.Grains.Ports;

namespace SupplyGrid.Api.Live;

/// <summary>
/// The grid's <see cref="ICityChangeFeed"/> in a host with the API: hands every published change to the fixed
/// listeners (the heatmap cache, the in-memory history) and then to the live streams of that city. A listener that
/// throws is logged and skipped; the others still get the change.
/// </summary>
internal sealed class CityChangeHub : ICityChangeFeed
{
    private readonly ICityChangeListener[] _listeners;
    private readonly ILogger<CityChangeHub> _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ICityChangeListener[]> _streams = new(StringComparer.Ordinal);

    public CityChangeHub(IEnumerable<ICityChangeListener> listeners, ILogger<CityChangeHub> logger)
    {
        _listeners = listeners.ToArray();
        _logger = logger;
    }

    public void Publish(CityChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        foreach (var listener in _listeners)
            Notify(listener, change);

        ICityChangeListener[]? streams;
        lock (_gate)
            _streams.TryGetValue(change.CityId, out streams);
        if (streams is null)
            return;
        foreach (var stream in streams)
            Notify(stream, change);
    }

    /// <summary>Adds a live stream of <paramref name="cityId"/>; disposing the result removes it.</summary>
    public IDisposable Subscribe(string cityId, ICityChangeListener stream)
    {
        lock (_gate)
            _streams[cityId] = _streams.TryGetValue(cityId, out var current) ? [.. current, stream] : [stream];
        return new Subscription(this, cityId, stream);
    }

    /// <summary>Live streams open for <paramref name="cityId"/>.</summary>
    public int StreamCount(string cityId)
    {
        lock (_gate)
            return _streams.TryGetValue(cityId, out var current) ? current.Length : 0;
    }

    private void Unsubscribe(string cityId, ICityChangeListener stream)
    {
        lock (_gate)
        {
            if (!_streams.TryGetValue(cityId, out var current))
                return;
            var remaining = Array.FindAll(current, s => !ReferenceEquals(s, stream));
            if (remaining.Length == 0)
                _streams.Remove(cityId);
            else
                _streams[cityId] = remaining;
        }
    }

    private void Notify(ICityChangeListener listener, CityChange change)
    {
        try
        {
            listener.OnCityChange(change);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "A listener of city {City}'s changes failed", change.CityId);
        }
    }

    private sealed class Subscription(CityChangeHub hub, string cityId, ICityChangeListener stream) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                hub.Unsubscribe(cityId, stream);
        }
    }
}
