namespace SupplyGrid.Geo.Tests;

/// <summary>The hot paths must not allocate (the grid calls them per driver event).</summary>
public sealed class AllocationTests
{
    [Fact]
    public void LatLngToCell_CellToLatLng_and_the_span_overloads_allocate_nothing()
    {
        var buffer = new H3Index[H3.MaxGridDiskSize(2)];
        var boundary = new LatLng[H3.MaxBoundaryVertices];
        Exercise(buffer, boundary);

        long before = GC.GetAllocatedBytesForCurrentThread();
        Exercise(buffer, boundary);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    private static void Exercise(H3Index[] buffer, LatLng[] boundary)
    {
        for (int i = 0; i < 1_000; i++)
        {
            double lat = 1.2 + i * 0.0003, lng = 103.6 + i * 0.0004;
            var cell = H3.LatLngToCell(lat, lng, 9);
            H3.TryLatLngToCell(lat, lng, 9, out _);
            H3.CellToLatLng(cell);
            H3.CellToBoundary(cell, boundary);
            H3.GridDisk(cell, 2, buffer);
        }
    }
}
