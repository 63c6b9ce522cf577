using SupplyGrid.Grains.Policies;

namespace SupplyGrid.Grains.Tests.Policies;

public class AcceptancePropensityModelTests
{
    private readonly AcceptancePropensityModel _model = new(new AcceptanceOptions());

    private static DriverProfile History(int seen, int accepted) => new(0.9, 0.05, 4.8, 200, seen, accepted);

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));

    private static double Logit(double p) => Math.Log(p / (1 - p));

    [Theory]
    [InlineData(0, 0, 0.68)] // nothing seen: the brief's prior
    [InlineData(10, 2, 0.44)] // (0.68 x 10 + 2) / 20
    [InlineData(10, 10, 0.84)] // (6.8 + 10) / 20
    [InlineData(90, 90, 0.968)] // (6.8 + 90) / 100
    [InlineData(990, 0, 0.0068)] // (6.8 + 0) / 1000
    public void History_is_shrunk_toward_the_prior_by_offers_seen(int seen, int accepted, double expected)
    {
        Assert.Equal(expected, _model.HistoricalRate(History(seen, accepted)), 12);
    }

    [Fact]
    public void A_reference_offer_is_accepted_at_the_historical_rate()
    {
        Assert.Equal(0.68, _model.Probability(History(0, 0), amount: 10m, distanceKm: 1.5), 12);
        Assert.Equal(0.44, _model.Probability(History(10, 2), amount: 10m, distanceKm: 1.5), 12);
    }

    [Theory]
    [InlineData(15, 1.5, 0.15 * 5)] // more money: +0.75 log-odds, about 0.82
    [InlineData(5, 1.5, -0.15 * 5)]
    [InlineData(10, 4.0, -0.4 * 2.5)] // a longer move: -1.0 log-odds, about 0.44
    [InlineData(10, 0.5, 0.4 * 1.0)]
    [InlineData(18, 3.5, 0.15 * 8 - 0.4 * 2.0)]
    public void Amount_raises_and_distance_lowers_the_log_odds(double amount, double km, double logOddsShift)
    {
        var expected = Logistic(Logit(0.68) + logOddsShift);

        Assert.Equal(expected, _model.Probability(History(0, 0), (decimal)amount, km), 12);
    }

    [Fact]
    public void Probability_is_inside_zero_and_one_and_monotonic()
    {
        var profile = History(30, 12);
        for (var km = 0.0; km <= 6; km += 0.5)
        {
            var previous = 0.0;
            for (var amount = 5m; amount <= 20m; amount += 1m)
            {
                var p = _model.Probability(profile, amount, km);
                Assert.InRange(p, double.Epsilon, 1 - 1e-12);
                Assert.True(p > previous, $"{amount} at {km} km is not above {amount - 1}");
                Assert.True(_model.Probability(profile, amount, km + 0.5) < p);
                previous = p;
            }
        }
    }
}
