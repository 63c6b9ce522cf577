using SupplyGrid.Geo;

namespace SupplyGrid.Simulator;

/// <summary>
/// The area where drivers may be and bookings may start or end: one simple polygon (no holes, edges not crossing).
/// Tests are done in latitude/longitude: crossing and inside/outside questions are unchanged by the east-west
/// scaling of a local projection, so no projection is needed.
/// </summary>
public sealed class LandPolygon
{
    private const int MaxSamplingAttempts = 10_000;

    private readonly LatLng[] _vertices;
    private readonly double[] _edgeSouth, _edgeNorth, _edgeWest, _edgeEast;

    /// <param name="vertices">At least 3 points in order (either direction); the last connects back to the first.</param>
    public LandPolygon(IReadOnlyList<LatLng> vertices)
    {
        ArgumentNullException.ThrowIfNull(vertices);
        if (vertices.Count < 3)
            throw new ArgumentException($"A polygon needs at least 3 vertices (got {vertices.Count}).", nameof(vertices));
        _vertices = new LatLng[vertices.Count];
        for (int i = 0; i < vertices.Count; i++)
            _vertices[i] = Guard.Point(vertices[i], $"vertices[{i}]");

        int n = _vertices.Length;
        _edgeSouth = new double[n];
        _edgeNorth = new double[n];
        _edgeWest = new double[n];
        _edgeEast = new double[n];
        double south = 90, north = -90, west = 180, east = -180;
        for (int i = 0; i < n; i++)
        {
            LatLng a = _vertices[i], b = _vertices[(i + 1) % n];
            _edgeSouth[i] = Math.Min(a.Lat, b.Lat);
            _edgeNorth[i] = Math.Max(a.Lat, b.Lat);
            _edgeWest[i] = Math.Min(a.Lng, b.Lng);
            _edgeEast[i] = Math.Max(a.Lng, b.Lng);
            south = Math.Min(south, a.Lat);
            north = Math.Max(north, a.Lat);
            west = Math.Min(west, a.Lng);
            east = Math.Max(east, a.Lng);
        }
        Bounds = new GeoBounds(south, west, north, east);
    }

    public GeoBounds Bounds { get; }

    public IReadOnlyList<LatLng> Vertices => _vertices;

    /// <summary>Even-odd rule: a horizontal ray from the point crosses the boundary an odd number of times.</summary>
    public bool Contains(LatLng point)
    {
        if (!Bounds.Contains(point))
            return false;
        bool inside = false;
        int n = _vertices.Length;
        for (int i = 0, j = n - 1; i < n; j = i++)
        {
            LatLng a = _vertices[i], b = _vertices[j];
            if ((a.Lat > point.Lat) != (b.Lat > point.Lat)
                && point.Lng < (b.Lng - a.Lng) * (point.Lat - a.Lat) / (b.Lat - a.Lat) + a.Lng)
            {
                inside = !inside;
            }
        }
        return inside;
    }

    /// <summary>Whether the straight segment stays on land: both ends inside and no boundary edge crossed.</summary>
    public bool SegmentInside(LatLng a, LatLng b) => Contains(a) && Contains(b) && !CrossesBoundary(a, b);

    /// <summary>Whether the segment properly crosses any boundary edge.</summary>
    public bool CrossesBoundary(LatLng a, LatLng b)
    {
        double south = Math.Min(a.Lat, b.Lat), north = Math.Max(a.Lat, b.Lat);
        double west = Math.Min(a.Lng, b.Lng), east = Math.Max(a.Lng, b.Lng);
        int n = _vertices.Length;
        for (int i = 0; i < n; i++)
        {
            if (_edgeNorth[i] < south || _edgeSouth[i] > north || _edgeEast[i] < west || _edgeWest[i] > east)
                continue;
            if (SegmentsCross(a, b, _vertices[i], _vertices[(i + 1) % n]))
                return true;
        }
        return false;
    }

    /// <summary>A point uniformly distributed over the land.</summary>
    public LatLng RandomPoint(SimRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        for (int attempt = 0; attempt < MaxSamplingAttempts; attempt++)
        {
            var candidate = new LatLng(random.Uniform(Bounds.South, Bounds.North), random.Uniform(Bounds.West, Bounds.East));
            if (Contains(candidate))
                return candidate;
        }
        throw new InvalidOperationException("The land polygon covers almost none of its bounding box; check its vertices.");
    }

    /// <summary>
    /// <paramref name="target"/> when it is on land, otherwise the land point nearest to it on the line from
    /// <paramref name="from"/> (which must be on land), found in steps of about 50 m back from the target.
    /// </summary>
    public LatLng NearestLandToward(LatLng from, LatLng target)
    {
        if (Contains(target))
            return target;
        double km = GeoMath.DistanceKm(from, target);
        int steps = Math.Max(1, (int)Math.Ceiling(km / 0.05));
        for (int i = 1; i < steps; i++)
        {
            var candidate = GeoMath.Lerp(target, from, (double)i / steps);
            if (Contains(candidate))
                return candidate;
        }
        return from;
    }

    private static bool SegmentsCross(LatLng p1, LatLng p2, LatLng q1, LatLng q2)
    {
        double d1 = Orientation(q1, q2, p1);
        double d2 = Orientation(q1, q2, p2);
        double d3 = Orientation(p1, p2, q1);
        double d4 = Orientation(p1, p2, q2);
        return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
    }

    private static double Orientation(LatLng a, LatLng b, LatLng c) =>
        (b.Lng - a.Lng) * (c.Lat - a.Lat) - (b.Lat - a.Lat) * (c.Lng - a.Lng);
}
