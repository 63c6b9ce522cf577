using SupplyGrid.Geo;

namespace SupplyGrid.Grains.Tests.Scenarios;

/// <summary>Cells and points in central Singapore for the scenarios, derived with H3 (nothing hard-coded but the anchor).</summary>
internal static class Places
{
    public const int Resolution = 8;

    /// <summary>Near Raffles Place.</summary>
    public static readonly LatLng Anchor = new(1.2840, 103.8515);

    public static H3Index Cell(LatLng point) => H3.LatLngToCell(point, Resolution);

    public static LatLng Centre(H3Index cell) => H3.CellToLatLng(cell);

    /// <summary>The cells exactly <paramref name="k"/> steps from <paramref name="origin"/>, nearest centre first.</summary>
    public static H3Index[] Ring(H3Index origin, int k)
    {
        var inner = k == 0 ? [] : H3.GridDisk(origin, k - 1).ToHashSet();
        var centre = Centre(origin);
        return H3.GridDisk(origin, k).Where(c => !inner.Contains(c))
            .OrderBy(c => H3.GreatCircleDistanceKm(centre, Centre(c))).ThenBy(c => c.Value).ToArray();
    }

    public static double Km(LatLng a, LatLng b) => H3.GreatCircleDistanceKm(a, b);

    /// <summary>A point <paramref name="km"/> east of <paramref name="from"/> (good enough near the equator).</summary>
    public static LatLng East(LatLng from, double km) => new(from.Lat, from.Lng + km / (111.32 * Math.Cos(double.DegreesToRadians(from.Lat))));
}
