using SupplyGrid.Grains.Policies;

namespace SupplyGrid.Grains.Tests.Policies;

public class ShiftAdvisorTests
{
    private static readonly DateTimeOffset Now = TestClock.MondayMidnightUtc;
    private readonly ShiftAdvisor _advisor = new(new ShiftAdviceOptions());

    private static HourlyOutlook Hour(int hoursAhead, double demand, double supply, double mape = 0.2, int samples = 12) =>
        new(Now.AddHours(hoursAhead), demand, supply, mape, samples);

    [Fact]
    public void Expected_trips_are_a_fair_share_of_demand_capped_per_hour()
    {
        HourlyOutlook[] hours = [Hour(3, demand: 4, supply: 7), Hour(1, demand: 30, supply: 9), Hour(2, demand: 12, supply: 5)];

        var advice = _advisor.Advise(hours, averageEarningsPerTrip: 12.40m, Now);

        Assert.Equal(
            [
                new ShiftSuggestion(Now.AddHours(1), 2.5, 31.00m, 0.6), // 30 / 10 = 3, capped at 2.5
                new ShiftSuggestion(Now.AddHours(2), 2.0, 24.80m, 0.6), // 12 / 6
                new ShiftSuggestion(Now.AddHours(3), 0.5, 6.20m, 0.6), // 4 / 8
            ],
            advice.Select(s => s with { Confidence = Math.Round(s.Confidence, 9) }));
    }

    [Theory]
    [InlineData(12, 0.2, 0.6)] // 12 / (12 + 4) x (1 - 0.2)
    [InlineData(4, 0.0, 0.5)]
    [InlineData(100, 0.5, 0.4807692307692)] // 100 / 104 x 0.5
    [InlineData(12, 1.5, 0.0)] // error above 100%: no confidence (and so no suggestion)
    public void Confidence_comes_from_samples_and_forecast_error(int samples, double mape, double confidence)
    {
        var advice = new ShiftAdvisor(new ShiftAdviceOptions { MinimumConfidence = 0 }).Advise([Hour(1, 10, 4, mape, samples)], 10m, Now);

        Assert.Equal(confidence, Assert.Single(advice).Confidence, 9);
    }

    [Fact]
    public void Past_and_low_confidence_hours_are_left_out()
    {
        HourlyOutlook[] hours = [Hour(-1, 50, 1), Hour(1, 50, 1, mape: 0.5, samples: 1), Hour(2, 10, 4)]; // 1/5 x 0.5 = 0.1 < 0.2

        var advice = _advisor.Advise(hours, 10m, Now);

        Assert.Equal([Now.AddHours(2)], advice.Select(s => s.HourStart));
    }

    [Fact]
    public void Best_hours_first_then_confidence_then_time_and_at_most_the_configured_number()
    {
        HourlyOutlook[] hours =
        [
            Hour(5, 10, 4, samples: 12), Hour(4, 10, 4, samples: 40), Hour(3, 10, 4, samples: 12),
            Hour(6, 20, 4), Hour(7, 1, 4),
        ];

        var advice = new ShiftAdvisor(new ShiftAdviceOptions { MaxSuggestions = 3 }).Advise(hours, 10m, Now);

        Assert.Equal([Now.AddHours(6), Now.AddHours(4), Now.AddHours(3)], advice.Select(s => s.HourStart));
    }

    [Fact]
    public void Bad_inputs_are_refused()
    {
        Assert.Equal("averageEarningsPerTrip", Assert.Throws<ArgumentOutOfRangeException>(() => _advisor.Advise([], -1m, Now)).ParamName);
        Assert.Equal("hour.ExpectedSupply", Assert.Throws<ArgumentOutOfRangeException>(() => _advisor.Advise([Hour(1, 1, -1)], 1m, Now)).ParamName);
    }
}
