using SupplyGrid.Geo;

namespace SupplyGrid.Api.Tests.Support;

/// <summary>Points and cells in Singapore, derived with H3 from a few anchors.</summary>
public static class Places
{
    public const int Resolution = 8;

    public static readonly LatLng RafflesPlace = new(1.2840, 103.8515);
    public static readonly LatLng Orchard = new(1.3048, 103.8318);
    public static readonly LatLng Tampines = new(1.3540, 103.9451);
    public static readonly LatLng Woodlands = new(1.4370, 103.7865);
    public static readonly LatLng Bishan = new(1.3508, 103.8485);
    public static readonly LatLng Clementi = new(1.3150, 103.7652);
    public static readonly LatLng JurongEast = new(1.3330, 103.7436);
    public static readonly LatLng Punggol = new(1.4043, 103.9022);
    public static readonly LatLng Sengkang = new(1.3917, 103.8950);
    public static readonly LatLng Yishun = new(1.4294, 103.8355);
    public static readonly LatLng Novena = new(1.3204, 103.8438);
    public static readonly LatLng Serangoon = new(1.3554, 103.8679);
    public static readonly LatLng PayaLebar = new(1.3177, 103.8927);
    public static readonly LatLng BukitTimah = new(1.3294, 103.8021);
    public static readonly LatLng ToaPayoh = new(1.3343, 103.8563);
    public static readonly LatLng AngMoKio = new(1.3691, 103.8454);
    public static readonly LatLng PasirRis = new(1.3731, 103.9493);
    public static readonly LatLng HarbourFront = new(1.2653, 103.8220);
    public static readonly LatLng Geylang = new(1.3201, 103.8918);

    /// <summary>Kuala Lumpur: outside every configured city.</summary>
    public static readonly LatLng KualaLumpur = new(3.1390, 101.6869);

    public static H3Index Cell(LatLng point) => H3.LatLngToCell(point, Resolution);

    public static LatLng Centre(H3Index cell) => H3.CellToLatLng(cell);

    /// <summary>The first cell one step from <paramref name="origin"/>, in index order.</summary>
    public static H3Index Neighbour(H3Index origin) => H3.GridDisk(origin, 1).Where(c => c != origin).Min();
}
