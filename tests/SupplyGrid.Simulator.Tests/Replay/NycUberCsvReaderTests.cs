using SupplyGrid.Geo;
using SupplyGrid.Simulator;

namespace SupplyGrid.Simulator.Tests.Replay;

public class NycUberCsvReaderTests
{
    // Line numbers count the header as line 1. Both spellings of the series are present (line 3 is the original's).
    private const string Sample =
        "Date/Time,Lat,Lon,Base\r\n" +
        "2014/4/1 00:11:00,40.769,-73.9549,B02512\r\n" +          // 2: kept, 04:11Z (EDT is UTC-4)
        "\"4/1/2014 0:17:00\",40.7267,-74.0345,\"B02512\"\r\n" +  // 3: kept, 04:17Z
        "2014/4/1 00:21:00,40.7316,-73.9873\r\n" +                // 4: malformed, 3 fields
        "2014/13/1 00:21:00,40.7316,-73.9873,B02512\r\n" +        // 5: malformed, month 13
        "2014/4/1 00:28:00,abc,-73.9776,B02512\r\n" +             // 6: malformed latitude
        "2014/4/1 00:33:00,40.7594,-200,B02512\r\n" +             // 7: malformed longitude
        "2014/4/1 00:35:00,41.3730,-72.9237,B02512\r\n" +         // 8: out of bounds (Connecticut)
        "2014/4/1 00:40:00,40.7500,-73.9800,B02598\r\n" +         // 9: another base
        "\r\n" +                                                  // 10: blank, not a row
        "2014/4/2 09:15:00,40.7500,-73.9900,B02512\r\n" +         // 11: kept, 13:15Z
        "2014/4/1 00:45:00,40.7,-73.9,B02512,extra\r\n";          // 12: malformed, 5 fields

    private static ReplayData Read(string text, ReplayReadOptions options) =>
        NycUberCsvReader.Read(new StringReader(text), Cities.NewYork, options);

    [Fact]
    public void Every_row_is_counted_once_and_malformed_rows_are_reported_by_line()
    {
        var data = Read(Sample, new ReplayReadOptions { Base = "B02512" });

        Assert.Equal(new ReplayReadReport(Rows: 10, Kept: 3, Malformed: 5, OutOfBounds: 1, OtherBase: 1, OutsideDates: 0, data.Report.Errors), data.Report);
        Assert.Equal(["line 4", "line 5", "line 6", "line 7", "line 12"], data.Report.Errors.Select(e => e[..e.IndexOf(':')]));
        Assert.Contains("found 3", data.Report.Errors[0]);
        Assert.Contains("2014/13/1 00:21:00", data.Report.Errors[1]);
    }

    [Fact]
    public void Local_New_York_times_become_UTC_in_order()
    {
        var data = Read(Sample, new ReplayReadOptions());

        Assert.Equal(
            [
                new DateTimeOffset(2014, 4, 1, 4, 11, 0, TimeSpan.Zero),
                new DateTimeOffset(2014, 4, 1, 4, 17, 0, TimeSpan.Zero),
                new DateTimeOffset(2014, 4, 1, 4, 40, 0, TimeSpan.Zero),
                new DateTimeOffset(2014, 4, 2, 13, 15, 0, TimeSpan.Zero),
            ],
            data.Pickups.Select(p => p.Time));
        Assert.Equal(new LatLng(40.769, -73.9549), data.Pickups[0].Pickup);
        Assert.Null(data.Pickups[0].Dropoff);
        Assert.Equal("B02598", data.Pickups[2].Base);
    }

    [Fact]
    public void A_date_range_keeps_only_its_local_dates()
    {
        var data = Read(Sample, new ReplayReadOptions { Base = "B02512", From = new DateOnly(2014, 4, 2) });

        Assert.Equal(1, data.Report.Kept);
        Assert.Equal(3, data.Report.OutsideDates); // lines 2, 3 and 8 (dates are checked before bounds)
        Assert.Equal(new DateTimeOffset(2014, 4, 2, 13, 15, 0, TimeSpan.Zero), data.Pickups.Single().Time);
    }

    [Fact]
    public void Folding_moves_every_pickup_to_its_time_of_day_on_the_first_date()
    {
        var data = Read(Sample, new ReplayReadOptions { Base = "B02512", FoldDays = true });

        Assert.Equal(
            [
                new DateTimeOffset(2014, 4, 1, 4, 11, 0, TimeSpan.Zero),
                new DateTimeOffset(2014, 4, 1, 4, 17, 0, TimeSpan.Zero),
                new DateTimeOffset(2014, 4, 1, 13, 15, 0, TimeSpan.Zero), // 2014/4/2 09:15 EDT onto 4/1
            ],
            data.Pickups.Select(p => p.Time));
    }

    [Fact]
    public void Folding_onto_another_date_uses_that_date_s_offset_and_skips_the_spring_forward_gap()
    {
        const string text = "2014/4/1 02:30:00,40.75,-73.99,B02512\n2014/4/1 12:00:00,40.75,-73.99,B02512\n";

        var data = Read(text, new ReplayReadOptions { FoldDays = true, FoldOnto = new DateOnly(2014, 3, 9) });

        // 9 March 2014: clocks went from 02:00 EST to 03:00 EDT. 02:30 never happened and is read as 03:30 EDT.
        Assert.Equal(
            [new DateTimeOffset(2014, 3, 9, 7, 30, 0, TimeSpan.Zero), new DateTimeOffset(2014, 3, 9, 16, 0, 0, TimeSpan.Zero)],
            data.Pickups.Select(p => p.Time));
    }

    [Fact]
    public void The_real_April_2014_file_is_read_whole()
    {
        var data = NycUberCsvReader.Read(TestData.NycUberApril2014, Cities.NewYork, new ReplayReadOptions());

        // Counted independently with awk: 65,535 rows; 380 fall outside 40.49..40.92 N, 74.27..73.68 W.
        Assert.Equal(65_535, data.Report.Rows);
        Assert.Equal(0, data.Report.Malformed);
        Assert.Equal(380, data.Report.OutOfBounds);
        Assert.Equal(65_155, data.Report.Kept);
        Assert.Equal(new DateTimeOffset(2014, 4, 1, 4, 0, 0, TimeSpan.Zero), data.First!.Value.AddMinutes(-data.First.Value.Minute));
    }

    [Fact]
    public void Base_B02512_is_the_complete_month()
    {
        var data = NycUberCsvReader.Read(TestData.NycUberApril2014, Cities.NewYork, new ReplayReadOptions { Base = "B02512", FoldDays = true });

        // 35,536 rows of B02512, of which 236 lie outside the bounds (awk); 29,999 rows are B02598.
        Assert.Equal(35_536, data.Report.Kept + data.Report.OutOfBounds);
        Assert.Equal(35_300, data.Report.Kept);
        Assert.Equal(29_999, data.Report.OtherBase);
        // The whole month lands on 1 April, New York time (EDT, UTC-4).
        Assert.InRange(data.First!.Value, new DateTimeOffset(2014, 4, 1, 4, 0, 0, TimeSpan.Zero), new DateTimeOffset(2014, 4, 1, 4, 59, 0, TimeSpan.Zero));
        Assert.InRange(data.Last!.Value, new DateTimeOffset(2014, 4, 2, 3, 0, 0, TimeSpan.Zero), new DateTimeOffset(2014, 4, 2, 3, 59, 0, TimeSpan.Zero));
        Assert.True(data.Pickups.Zip(data.Pickups.Skip(1)).All(pair => pair.First.Time <= pair.Second.Time));
    }

    [Fact]
    public void Inconsistent_options_are_refused_naming_the_field()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            Read(Sample, new ReplayReadOptions { From = new DateOnly(2014, 4, 5), To = new DateOnly(2014, 4, 1) }));
        Assert.Equal("To", error.ParamName);
    }
}
