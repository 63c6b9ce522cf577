using SupplyGrid.Geo;

namespace SupplyGrid.Simulator;

/// <summary>A latitude/longitude box (not crossing the antimeridian).</summary>
public readonly record struct GeoBounds
{
    public GeoBounds(double south, double west, double north, double east)
    {
        Guard.InRange(south, -90, 90);
        Guard.InRange(north, -90, 90);
        Guard.InRange(west, -180, 180);
        Guard.InRange(east, -180, 180);
        if (!(north > south))
            throw new ArgumentOutOfRangeException(nameof(north), north, $"north must be greater than south ({south}).");
        if (!(east > west))
            throw new ArgumentOutOfRangeException(nameof(east), east, $"east must be greater than west ({west}).");
        South = south;
        West = west;
        North = north;
        East = east;
    }

    public double South { get; }

    public double West { get; }

    public double North { get; }

    public double East { get; }

    public LatLng Centre => new((South + North) / 2, (West + East) / 2);

    public bool Contains(LatLng point) =>
        point.Lat >= South && point.Lat <= North && point.Lng >= West && point.Lng <= East;

    /// <summary>The corners, counter-clockwise from the south-west: the box as a polygon.</summary>
    public LatLng[] Corners() => [new(South, West), new(South, East), new(North, East), new(North, West)];
}
