using Microsoft.AspNetCore.Http;
using SupplyGrid.Api.Problems;
using SupplyGrid.Api.Validation;
using SupplyGrid.Geo;

namespace SupplyGrid.Api.Dashboards;

/// <summary>
/// GET /api/dashboard/cells?h3=a,b,...: the hexagon outlines the city map draws. Outlines never change, so the page asks
/// once per cell it has not seen and keeps them; the heatmap itself carries only indexes and centres.
/// </summary>
public static class CellBoundaries
{
    /// <summary>Keeps the request line well under Kestrel's 8 KiB limit (16 characters and a comma per cell).</summary>
    public const int MaxCellsPerRequest = 200;

    private const int CoordinateDigits = 6;

    internal static IResult Get(string? h3)
    {
        var errors = new FieldErrors();
        var texts = (h3 ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (texts.Length == 0)
            errors.Add("h3", "h3 must list at least one H3 cell index (comma-separated, lowercase hexadecimal).");
        else if (texts.Length > MaxCellsPerRequest)
            errors.Add("h3", $"h3 may list at most {MaxCellsPerRequest} cells per request (was {texts.Length}).");
        if (errors.Any)
            return errors.ToResult();

        var cells = new List<H3Index>(texts.Length);
        for (var i = 0; i < texts.Length; i++)
        {
            if (Check.Cell(errors, "h3", texts[i], out var cell) && !cells.Contains(cell))
                cells.Add(cell);
        }

        if (errors.Any)
            return errors.ToResult();

        Span<LatLng> vertices = stackalloc LatLng[H3.MaxBoundaryVertices];
        var outlines = new CellOutline[cells.Count];
        for (var i = 0; i < outlines.Length; i++)
        {
            var count = H3.CellToBoundary(cells[i], vertices);
            var boundary = new double[count][];
            for (var v = 0; v < count; v++)
                boundary[v] = [Math.Round(vertices[v].Lat, CoordinateDigits), Math.Round(vertices[v].Lng, CoordinateDigits)];
            outlines[i] = new CellOutline(cells[i].ToString(), boundary);
        }

        return Results.Json(new CellOutlines(outlines), DashboardJson.Options);
    }
}

/// <summary>The answer of GET /api/dashboard/cells.</summary>
public sealed record CellOutlines(IReadOnlyList<CellOutline> Cells);

/// <summary>One cell's outline: its vertices as [lat, lng] pairs, in order (6 for a hexagon, 5 for a pentagon, more where it crosses an icosahedron edge).</summary>
public sealed record CellOutline(string H3, double[][] Boundary);
