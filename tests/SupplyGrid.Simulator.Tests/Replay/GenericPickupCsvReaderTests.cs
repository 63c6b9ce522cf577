using SupplyGrid.Geo;
using SupplyGrid.Simulator;

namespace SupplyGrid.Simulator.Tests.Replay;

public class GenericPickupCsvReaderTests
{
    private const string Sample =
        "time,lat,lng,dropoff_lat,dropoff_lng\n" +
        "2026-11-22T08:15:00Z,1.30,103.85,1.35,103.90\n" +   // 2: UTC, with a dropoff
        "2026-11-22 16:20:00,1.30,103.85,,\n" +              // 3: local Singapore time (UTC+8) = 08:20Z, no dropoff
        "2026-11-22T16:30:00+08:00,1.31,103.86\n" +          // 4: an offset = 08:30Z, three fields
        "2026-11-22T08:40:00Z,1.30,103.85,1.35,\n" +         // 5: malformed, half a dropoff
        "yesterday,1.30,103.85\n" +                          // 6: malformed time
        "2026-11-22T08:50:00Z,1.30\n" +                      // 7: malformed, two fields
        "2026-11-22T08:55:00Z,1.10,103.85\n" +               // 8: out of bounds, in the strait
        "2026-11-22T09:00:00Z,1.30,103.85,1.10,103.85\n";    // 9: out of bounds dropoff

    [Fact]
    public void Rows_with_and_without_dropoffs_and_offsets_are_read()
    {
        var data = GenericPickupCsvReader.Read(new StringReader(Sample), Cities.Singapore, new ReplayReadOptions());

        Assert.Equal((8, 3, 3, 2), (data.Report.Rows, data.Report.Kept, data.Report.Malformed, data.Report.OutOfBounds));
        Assert.Equal(["line 5", "line 6", "line 7"], data.Report.Errors.Select(e => e[..e.IndexOf(':')]));
        Assert.Equal(
            [
                new ReplayPickup(new DateTimeOffset(2026, 11, 22, 8, 15, 0, TimeSpan.Zero), new LatLng(1.30, 103.85), new LatLng(1.35, 103.90), null),
                new ReplayPickup(new DateTimeOffset(2026, 11, 22, 8, 20, 0, TimeSpan.Zero), new LatLng(1.30, 103.85), null, null),
                new ReplayPickup(new DateTimeOffset(2026, 11, 22, 8, 30, 0, TimeSpan.Zero), new LatLng(1.31, 103.86), null, null),
            ],
            data.Pickups);
    }

    [Fact]
    public void A_file_without_a_header_starts_with_data()
    {
        var data = GenericPickupCsvReader.Read(new StringReader("2026-11-22T08:15:00Z,1.30,103.85\n"), Cities.Singapore, new ReplayReadOptions());

        Assert.Equal(1, data.Report.Kept);
    }
}
