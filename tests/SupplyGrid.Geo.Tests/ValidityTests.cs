using SupplyGrid.Geo.Tests.Oracle;

namespace SupplyGrid.Geo.Tests;

public sealed class ValidityTests(OracleFixture oracle) : IClassFixture<OracleFixture>
{
    [Fact]
    public void IsValidCell_matches_reference_on_valid_and_malformed_indexes()
    {
        var mismatches = new Mismatches("IsValidCell");
        foreach (var v in oracle.Vectors.Validity)
        {
            if (H3.IsValidCell(v.Index) != v.IsValid)
                mismatches.Add($"{v.Index} (mutation {v.Mutation}): reference says {v.IsValid}");
        }
        mismatches.AssertNone(oracle.Vectors.Validity.Count);
    }

    [Fact]
    public void Vectors_include_every_kind_of_corruption_and_the_reference_rejects_them()
    {
        // 1 mode, 2 high bit, 3 reserved bits, 4 base cell 122+, 5 digit 7 within the
        // resolution, 6 unused digit not 7, 8 deleted pentagon sub-sequence.
        foreach (int mutation in new[] { 1, 2, 3, 4, 5, 6, 8 })
            Assert.All(oracle.Vectors.Validity.Where(v => v.Mutation == mutation), v => Assert.False(v.IsValid));
        Assert.Contains(oracle.Vectors.Validity, v => v.Mutation == 0 && v.IsValid);
    }

    [Fact]
    public void Operations_reject_invalid_cells_naming_the_argument()
    {
        var cell = new H3Index(0x0891_FB46_622F_FFFFUL | (1UL << 63));
        Assert.False(H3.IsValidCell(cell));
        Assert.Equal("cell", Assert.Throws<ArgumentException>(() => H3.CellToLatLng(cell)).ParamName);
        Assert.Equal("cell", Assert.Throws<ArgumentException>(() => H3.CellToBoundary(cell)).ParamName);
        Assert.Equal("cell", Assert.Throws<ArgumentException>(() => H3.CellToParent(cell, 0)).ParamName);
        Assert.Equal("cell", Assert.Throws<ArgumentException>(() => H3.CellToChildren(cell, 10)).ParamName);
        Assert.Equal("cell", Assert.Throws<ArgumentException>(() => H3.CellToCenterChild(cell, 10)).ParamName);
        Assert.Equal("cell", Assert.Throws<ArgumentException>(() => H3.GetResolution(cell)).ParamName);
        Assert.Equal("cell", Assert.Throws<ArgumentException>(() => H3.IsPentagon(cell)).ParamName);
        Assert.Equal("cell", Assert.Throws<ArgumentException>(() => H3.CellAreaKm2(cell)).ParamName);
        Assert.Equal("origin", Assert.Throws<ArgumentException>(() => H3.GridDisk(cell, 1)).ParamName);
        Assert.Equal("cell", Assert.Throws<ArgumentException>(() => H3.CellToLatLng(default)).ParamName);
    }
}
