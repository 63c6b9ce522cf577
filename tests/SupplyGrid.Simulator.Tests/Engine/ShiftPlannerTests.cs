using SupplyGrid.Simulator;

namespace SupplyGrid.Simulator.Tests.Engine;

public class ShiftPlannerTests
{
    [Fact]
    public void Drivers_work_when_the_demand_is()
    {
        // Bookings only from 08:00 to 17:00.
        var shares = new double[24];
        for (int h = 8; h < 17; h++)
            shares[h] = 1.0 / 9;

        var starts = ShiftPlanner.FitStartWeights(shares, 6, 10, 0.75);
        var online = ShiftPlanner.OnlineProfile(starts, 6, 10);

        Assert.Equal(1.0, starts.Sum(), 9);
        Assert.All(starts, w => Assert.True(w >= 0));
        Assert.True(online[12] > 3 * online[2], $"noon {online[12]:F3} against 2 am {online[2]:F3}");
        Assert.True(starts[5..10].Sum() > 0.5, "most shifts start in the early morning");
    }

    [Fact]
    public void Singapore_s_fleet_follows_its_peaks_and_lulls()
    {
        var demand = new PoissonDemand(Cities.Singapore, new DemandOptions());

        var online = ShiftPlanner.OnlineProfile(ShiftPlanner.FitStartWeights(demand.HourlyShares, 6, 10, 0.75), 6, 10);

        Assert.True(online[8] > 2 * online[3], "more drivers in the morning peak than at 3 am");
        Assert.True(online[18] > 2 * online[3], "more drivers in the evening peak than at 3 am");
        Assert.True(online[3] > 0, "a few drivers work at night");
    }

    [Fact]
    public void A_higher_exponent_puts_more_of_the_fleet_in_the_peaks()
    {
        var demand = new PoissonDemand(Cities.Singapore, new DemandOptions());
        double PeakOverNight(double exponent)
        {
            var online = ShiftPlanner.OnlineProfile(ShiftPlanner.FitStartWeights(demand.HourlyShares, 6, 10, exponent), 6, 10);
            return online[18] / online[3];
        }

        double flat = PeakOverNight(0), damped = PeakOverNight(0.75), proportional = PeakOverNight(1);

        Assert.InRange(flat, 0.8, 1.25);
        Assert.True(damped > 1.5 * flat, $"0.75: {damped:F2} against flat {flat:F2}");
        Assert.True(proportional > 1.05 * damped, $"1: {proportional:F2} against 0.75: {damped:F2}");
    }

    [Fact]
    public void Demand_sources_report_their_hourly_shares()
    {
        // TwoZones: A weighs 1 every hour, B 3 at 08:00 and 1 otherwise: 50 in all, so 4/50 at 08:00 and 2/50 elsewhere.
        var shares = new PoissonDemand(TestCities.TwoZones(), new DemandOptions()).HourlyShares;

        Assert.Equal(0.08, shares[8], 12);
        Assert.Equal(0.04, shares[9], 12);
        Assert.Equal(1.0, shares.Sum(), 12);
    }
}
