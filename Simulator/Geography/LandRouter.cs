using SupplyGrid.Geo;

namespace SupplyGrid.Simulator;

/// <summary>
/// Plausible paths over land without a street map: a straight segment when it stays on land, otherwise the shortest
/// way through a few hand-placed junctions ("hubs": zone centres, bridges, causeways) between which straight segments
/// stay on land. The hub-to-hub shortest paths are computed once (Floyd-Warshall on a few dozen nodes); a blocked
/// route costs one visibility test per hub from each end.
/// </summary>
public sealed class LandRouter
{
    private readonly LandPolygon _land;
    private readonly LatLng[] _hubs;
    private readonly double[,] _hubDistance;
    private readonly int[,] _nextHub;

    public LandRouter(LandPolygon land, IReadOnlyList<LatLng> hubs)
    {
        ArgumentNullException.ThrowIfNull(land);
        ArgumentNullException.ThrowIfNull(hubs);
        _land = land;
        _hubs = [.. hubs];
        for (int i = 0; i < _hubs.Length; i++)
        {
            if (!land.Contains(_hubs[i]))
                throw new ArgumentException($"hubs[{i}] ({_hubs[i].Lat}, {_hubs[i].Lng}) is not on land.", nameof(hubs));
        }
        (_hubDistance, _nextHub) = ShortestPaths(land, _hubs);
        for (int i = 1; i < _hubs.Length; i++)
        {
            if (double.IsPositiveInfinity(_hubDistance[0, i]))
                throw new ArgumentException($"hubs[{i}] cannot be reached from hubs[0] over land: the hub graph must be connected.", nameof(hubs));
        }
    }

    /// <summary>The most waypoints <see cref="Route"/> can write: every hub, then the destination.</summary>
    public int MaxWaypoints => _hubs.Length + 1;

    public LandPolygon Land => _land;

    /// <summary>
    /// Writes the waypoints after <paramref name="from"/>, ending with <paramref name="to"/>, into
    /// <paramref name="waypoints"/> (at least <see cref="MaxWaypoints"/> long) and returns how many. When no path over
    /// land is found (a point the hubs cannot see) the straight segment is returned.
    /// </summary>
    public int Route(LatLng from, LatLng to, Span<LatLng> waypoints)
    {
        if (waypoints.Length < MaxWaypoints)
            throw new ArgumentException($"The waypoint buffer must hold at least {MaxWaypoints} points.", nameof(waypoints));
        if (_hubs.Length == 0 || !_land.CrossesBoundary(from, to))
        {
            waypoints[0] = to;
            return 1;
        }

        int count = _hubs.Length;
        Span<double> toEnd = count <= 64 ? stackalloc double[count] : new double[count];
        for (int j = 0; j < count; j++)
            toEnd[j] = _land.CrossesBoundary(_hubs[j], to) ? double.PositiveInfinity : GeoMath.DistanceKm(_hubs[j], to);

        double best = double.PositiveInfinity;
        int bestFirst = -1, bestLast = -1;
        for (int i = 0; i < count; i++)
        {
            if (_land.CrossesBoundary(from, _hubs[i]))
                continue;
            double head = GeoMath.DistanceKm(from, _hubs[i]);
            for (int j = 0; j < count; j++)
            {
                double total = head + _hubDistance[i, j] + toEnd[j];
                if (total < best)
                {
                    best = total;
                    bestFirst = i;
                    bestLast = j;
                }
            }
        }
        if (bestFirst < 0)
        {
            waypoints[0] = to;
            return 1;
        }

        int written = 0;
        for (int hub = bestFirst; ; hub = _nextHub[hub, bestLast])
        {
            waypoints[written++] = _hubs[hub];
            if (hub == bestLast)
                break;
        }
        waypoints[written++] = to;
        return written;
    }

    private static (double[,] Distance, int[,] Next) ShortestPaths(LandPolygon land, LatLng[] hubs)
    {
        int n = hubs.Length;
        var distance = new double[n, n];
        var next = new int[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                bool visible = i == j || !land.CrossesBoundary(hubs[i], hubs[j]);
                distance[i, j] = visible ? GeoMath.DistanceKm(hubs[i], hubs[j]) : double.PositiveInfinity;
                next[i, j] = j;
            }
        }
        for (int k = 0; k < n; k++)
        {
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    double through = distance[i, k] + distance[k, j];
                    if (through < distance[i, j])
                    {
                        distance[i, j] = through;
                        next[i, j] = next[i, k];
                    }
                }
            }
        }
        return (distance, next);
    }
}
