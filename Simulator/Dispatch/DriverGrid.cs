using SupplyGrid.Geo;

namespace SupplyGrid.Simulator;

/// <summary>
/// Drivers who can take a job, bucketed by position on a grid of about 1 km squares, so a dispatch looks at the drivers near the
/// pickup rather than the whole fleet. Positions outside the city's box fall in its edge squares. Adding, moving and
/// removing a driver costs O(1) and no allocation once the buckets have grown.
/// </summary>
internal sealed class DriverGrid
{
    private const double CellKm = 1.0;

    private readonly double _south, _west, _cellLat, _cellLng;
    private readonly int _rows, _cols;
    private readonly int[][] _buckets;
    private readonly int[] _counts;
    private readonly int[] _bucketOf;
    private readonly int[] _slotOf;

    public DriverGrid(GeoBounds bounds, int drivers)
    {
        _south = bounds.South;
        _west = bounds.West;
        _cellLat = CellKm / GeoMath.KmPerDegree;
        _cellLng = CellKm / (GeoMath.KmPerDegree * Math.Cos(bounds.Centre.Lat * Math.PI / 180));
        _rows = Math.Max(1, (int)Math.Ceiling((bounds.North - bounds.South) / _cellLat));
        _cols = Math.Max(1, (int)Math.Ceiling((bounds.East - bounds.West) / _cellLng));
        _buckets = new int[_rows * _cols][];
        Array.Fill(_buckets, []);
        _counts = new int[_rows * _cols];
        _bucketOf = new int[drivers];
        _slotOf = new int[drivers];
        Array.Fill(_bucketOf, -1);
    }

    public void Place(int driver, LatLng position)
    {
        int bucket = BucketOf(position);
        int current = _bucketOf[driver];
        if (current == bucket)
            return;
        if (current >= 0)
            Remove(driver);
        ref int[] items = ref _buckets[bucket];
        if (_counts[bucket] == items.Length)
            Array.Resize(ref items, Math.Max(8, items.Length * 2));
        _slotOf[driver] = _counts[bucket];
        items[_counts[bucket]++] = driver;
        _bucketOf[driver] = bucket;
    }

    public void Remove(int driver)
    {
        int bucket = _bucketOf[driver];
        if (bucket < 0)
            return;
        var items = _buckets[bucket];
        int slot = _slotOf[driver];
        int last = items[--_counts[bucket]];
        items[slot] = last;
        _slotOf[last] = slot;
        _bucketOf[driver] = -1;
    }

    /// <summary>Adds to <paramref name="found"/> every driver placed within the squares that cover the circle.</summary>
    public void Near(LatLng centre, double radiusKm, List<int> found)
    {
        double latSpan = radiusKm / GeoMath.KmPerDegree;
        double lngSpan = radiusKm / (GeoMath.KmPerDegree * Math.Cos(centre.Lat * Math.PI / 180));
        int rowFrom = Row(centre.Lat - latSpan), rowTo = Row(centre.Lat + latSpan);
        int colFrom = Col(centre.Lng - lngSpan), colTo = Col(centre.Lng + lngSpan);
        for (int row = rowFrom; row <= rowTo; row++)
        {
            for (int col = colFrom; col <= colTo; col++)
            {
                int bucket = row * _cols + col;
                var items = _buckets[bucket];
                for (int i = 0; i < _counts[bucket]; i++)
                    found.Add(items[i]);
            }
        }
    }

    private int BucketOf(LatLng position) => Row(position.Lat) * _cols + Col(position.Lng);

    private int Row(double lat) => Math.Clamp((int)Math.Floor((lat - _south) / _cellLat), 0, _rows - 1);

    private int Col(double lng) => Math.Clamp((int)Math.Floor((lng - _west) / _cellLng), 0, _cols - 1);
}
