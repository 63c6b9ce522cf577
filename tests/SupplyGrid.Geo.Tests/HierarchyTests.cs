using SupplyGrid.Geo.Tests.Oracle;

namespace SupplyGrid.Geo.Tests;

public sealed class HierarchyTests(OracleFixture oracle) : IClassFixture<OracleFixture>
{
    [Fact]
    public void Parents_match_reference_at_every_coarser_resolution()
    {
        var mismatches = new Mismatches("CellToParent");
        int checkedCount = 0;
        foreach (var h in oracle.Vectors.Hierarchy)
        {
            for (int res = 0; res < h.Parents.Length; res++, checkedCount++)
            {
                var actual = H3.CellToParent(h.Cell, res);
                if (actual != h.Parents[res])
                    mismatches.Add($"{h.Cell} res {res}: {actual} != {h.Parents[res]}");
            }
        }
        mismatches.AssertNone(checkedCount);
    }

    [Fact]
    public void Centre_children_match_reference_at_every_finer_resolution()
    {
        var mismatches = new Mismatches("CellToCenterChild");
        int checkedCount = 0;
        foreach (var h in oracle.Vectors.Hierarchy)
        {
            int res = H3.GetResolution(h.Cell);
            for (int i = 0; i < h.CenterChildren.Length; i++, checkedCount++)
            {
                var actual = H3.CellToCenterChild(h.Cell, res + i);
                if (actual != h.CenterChildren[i])
                    mismatches.Add($"{h.Cell} res {res + i}: {actual} != {h.CenterChildren[i]}");
            }
        }
        mismatches.AssertNone(checkedCount);
    }

    [Fact]
    public void Children_one_and_two_resolutions_down_match_reference_in_order()
    {
        var mismatches = new Mismatches("CellToChildren");
        int checkedCount = 0;
        foreach (var h in oracle.Vectors.Hierarchy)
        {
            int res = H3.GetResolution(h.Cell);
            foreach (var (offset, expected) in new[] { (1, h.ChildrenOneDown), (2, h.ChildrenTwoDown) })
            {
                if (res + offset > H3.MaxResolution)
                    continue;
                checkedCount++;
                var actual = H3.CellToChildren(h.Cell, res + offset);
                if (!actual.SequenceEqual(expected))
                    mismatches.Add($"{h.Cell} res {res + offset}: {actual.Length} children, reference {expected.Length}");
                if (H3.CellToChildrenSize(h.Cell, res + offset) != expected.Length)
                    mismatches.Add($"{h.Cell} res {res + offset}: size {H3.CellToChildrenSize(h.Cell, res + offset)} != {expected.Length}");
            }
        }
        Assert.Contains(oracle.Vectors.Hierarchy, h => h.ChildrenOneDown.Length == 6);
        mismatches.AssertNone(checkedCount);
    }

    [Fact]
    public void A_cell_is_its_own_parent_child_and_only_child_at_its_resolution()
    {
        var cell = H3.LatLngToCell(-33.86, 151.2, 7);
        Assert.Equal(cell, H3.CellToParent(cell, 7));
        Assert.Equal(cell, H3.CellToCenterChild(cell, 7));
        Assert.Equal([cell], H3.CellToChildren(cell, 7));
    }

    [Fact]
    public void Rejects_resolutions_on_the_wrong_side_of_the_cell()
    {
        var cell = H3.LatLngToCell(-33.86, 151.2, 7);
        Assert.Equal("parentRes", Assert.Throws<ArgumentOutOfRangeException>(() => H3.CellToParent(cell, 8)).ParamName);
        Assert.Equal("parentRes", Assert.Throws<ArgumentOutOfRangeException>(() => H3.CellToParent(cell, -1)).ParamName);
        Assert.Equal("childRes", Assert.Throws<ArgumentOutOfRangeException>(() => H3.CellToChildren(cell, 6)).ParamName);
        Assert.Equal("childRes", Assert.Throws<ArgumentOutOfRangeException>(() => H3.CellToCenterChild(cell, 16)).ParamName);
        Assert.Equal("childRes", Assert.Throws<ArgumentOutOfRangeException>(() => H3.CellToChildrenSize(cell, 6)).ParamName);
    }
}
