using SupplyGrid.Geo.Tests.Oracle;

namespace SupplyGrid.Geo.Tests;

public sealed class GridDiskTests(OracleFixture oracle) : IClassFixture<OracleFixture>
{
    [Fact]
    public void Disks_up_to_k5_around_pentagons_and_elsewhere_match_reference()
    {
        var mismatches = new Mismatches("GridDisk");
        foreach (var d in oracle.Vectors.Disks)
        {
            var actual = H3.GridDisk(d.Origin, d.K);
            if (actual.Length != actual.Distinct().Count() || !actual.ToHashSet().SetEquals(d.Cells))
                mismatches.Add($"{d.Origin} k={d.K}: {actual.Length} cells, reference {d.Cells.Length}");
        }
        Assert.Contains(oracle.Vectors.Disks, d => d.K == 5 && d.Cells.Length < H3.MaxGridDiskSize(5));
        mismatches.AssertNone(oracle.Vectors.Disks.Count);
    }

    [Fact]
    public void Span_overload_writes_the_disk_and_returns_its_size()
    {
        var buffer = new H3Index[H3.MaxGridDiskSize(oracle.Vectors.Disks.Max(d => d.K))];
        foreach (var d in oracle.Vectors.Disks.Where((_, i) => i % 7 == 0))
        {
            int count = H3.GridDisk(d.Origin, d.K, buffer);
            Assert.True(buffer.AsSpan(0, count).ToArray().ToHashSet().SetEquals(d.Cells), $"{d.Origin} k={d.K}");
            Assert.Equal(d.Cells.Length, count);
        }
    }

    [Fact]
    public void Span_overload_rejects_a_buffer_smaller_than_the_maximum_disk()
    {
        var origin = H3.LatLngToCell(1.3, 103.8, 9);
        var error = Assert.Throws<ArgumentException>(() => H3.GridDisk(origin, 2, new H3Index[18]));
        Assert.Equal("destination", error.ParamName);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(H3.MaxGridDiskK + 1)]
    public void Rejects_k_outside_the_supported_range(int k)
    {
        var origin = H3.LatLngToCell(1.3, 103.8, 9);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => H3.GridDisk(origin, k));
        Assert.Equal("k", error.ParamName);
    }

    [Fact]
    public void Max_grid_disk_size_is_the_hexagon_count()
    {
        Assert.Equal(1, H3.MaxGridDiskSize(0));
        Assert.Equal(19, H3.MaxGridDiskSize(2));
        Assert.Equal(91, H3.MaxGridDiskSize(5));
    }
}
