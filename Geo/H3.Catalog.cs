using SupplyGrid.Geo.Internal;

namespace SupplyGrid.Geo;

public static partial class H3
{
    /// <summary>The 122 resolution 0 cells, by base cell number.</summary>
    public static H3Index[] GetRes0Cells()
    {
        var cells = new H3Index[BaseCells.Count];
        for (int baseCell = 0; baseCell < cells.Length; baseCell++)
            cells[baseCell] = new H3Index(IndexBits.CenterDescendant(baseCell, 0));
        return cells;
    }

    /// <summary>The 12 pentagons at a resolution, by base cell number.</summary>
    public static H3Index[] GetPentagons(int res)
    {
        RequireResolution(res);
        var pentagonBaseCells = BaseCells.Pentagons;
        var cells = new H3Index[pentagonBaseCells.Length];
        for (int i = 0; i < cells.Length; i++)
            cells[i] = new H3Index(IndexBits.CenterDescendant(pentagonBaseCells[i], res));
        return cells;
    }
}
