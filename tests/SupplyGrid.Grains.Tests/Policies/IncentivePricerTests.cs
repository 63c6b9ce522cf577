using SupplyGrid.Grains.Policies;

namespace SupplyGrid.Grains.Tests.Policies;

public class IncentivePricerTests
{
    private static readonly ImbalanceClassifier Imbalance = new(new ImbalanceOptions());
    private readonly IncentivePricer _pricer = new(new IncentiveOptions(), Imbalance);

    private static IncentiveRequest Request(double km, double ratio, decimal tier = 0m, decimal budget = 10_000m, decimal today = 0m) =>
        new(km, ratio, tier, budget, today);

    // amount = 8 + 2.5 x max(0, km - 1) + 4 x clamp((0.5 - ratio) / 0.5, 0, 1) + min(tier, 1.5), in [5, 20]
    [Theory]
    [InlineData(0.5, 0.5, 0, 0, 0, 8)]
    [InlineData(1.0, 0.5, 0, 0, 0, 8)]
    [InlineData(3.0, 0.5, 0, 5, 0, 13)]
    [InlineData(3.0, 0.3, 0, 5, 1.6, 14.6)] // urgency 4 x 0.4
    [InlineData(3.0, 0.1, 0, 5, 3.2, 16.2)] // urgency 4 x 0.8
    [InlineData(3.0, 0.0, 0, 5, 4, 17)]
    [InlineData(3.0, 0.1, 1.5, 5, 3.2, 17.7)]
    [InlineData(1.0, 0.3, 0.5, 0, 1.6, 10.1)]
    [InlineData(2.2, 0.3, 1.0, 3, 1.6, 13.6)]
    [InlineData(3.0, 0.8, 0, 5, 0, 13)] // no urgency above the threshold
    [InlineData(1.234, 0.5, 0, 0.59, 0, 8.59)] // 2.5 x 0.234 = 0.585, to cents half away from zero
    public void Amount_from_distance_urgency_and_tier(double km, double ratio, double tier, double distanceAmount, double urgencyAmount, double amount)
    {
        var quote = _pricer.Quote(Request(km, ratio, (decimal)tier));

        Assert.Equal(8m, quote.BaseAmount);
        Assert.Equal((decimal)distanceAmount, quote.DistanceAmount);
        Assert.Equal((decimal)urgencyAmount, quote.UrgencyAmount);
        Assert.Equal((decimal)tier, quote.TierAmount);
        Assert.Equal((decimal)amount, quote.Amount);
        Assert.Equal(IncentiveLimit.None, quote.Limit);
        Assert.True(quote.HasOffer);
        Assert.Equal("SGD", quote.Currency);
    }

    [Fact]
    public void Sum_above_the_maximum_is_clamped_to_twenty()
    {
        var quote = _pricer.Quote(Request(6.0, 0.0, 1.5m)); // 8 + 12.5 + 4 + 1.5 = 26

        Assert.Equal(26m, quote.Unclamped);
        Assert.Equal(20m, quote.Amount);
        Assert.Equal(IncentiveLimit.CappedAtMaximum, quote.Limit);
    }

    [Fact]
    public void Sum_below_the_minimum_is_raised_to_five()
    {
        var pricer = new IncentivePricer(new IncentiveOptions { BaseAmount = 2m }, Imbalance);

        var quote = pricer.Quote(Request(0.5, 0.5));

        Assert.Equal(2m, quote.Unclamped);
        Assert.Equal(5m, quote.Amount);
        Assert.Equal(IncentiveLimit.RaisedToMinimum, quote.Limit);
    }

    [Fact]
    public void Tier_bonus_beyond_one_and_a_half_is_cut()
    {
        var quote = _pricer.Quote(Request(1.0, 0.5, tier: 2.0m));

        Assert.Equal(1.5m, quote.TierAmount);
        Assert.Equal(9.5m, quote.Amount);
    }

    [Theory]
    [InlineData(12, 12, IncentiveLimit.LimitedByBudget)]
    [InlineData(12.345, 12.34, IncentiveLimit.LimitedByBudget)] // cut rounds down: never above what remains
    [InlineData(5, 5, IncentiveLimit.LimitedByBudget)] // exactly the minimum is still an offer
    [InlineData(4.99, 0, IncentiveLimit.BudgetExhausted)] // below the minimum: no offer
    [InlineData(0, 0, IncentiveLimit.BudgetExhausted)]
    [InlineData(16.2, 16.2, IncentiveLimit.None)]
    public void Amount_never_exceeds_the_campaigns_remaining_budget(double remaining, double amount, IncentiveLimit limit)
    {
        var quote = _pricer.Quote(Request(3.0, 0.1, budget: (decimal)remaining)); // priced at 16.2

        Assert.Equal((decimal)amount, quote.Amount);
        Assert.Equal(limit, quote.Limit);
        Assert.Equal(limit != IncentiveLimit.BudgetExhausted, quote.HasOffer);
        Assert.True(quote.Amount <= (decimal)remaining);
    }

    [Theory]
    [InlineData(90, 10, IncentiveLimit.LimitedByDailyCap)]
    [InlineData(95, 5, IncentiveLimit.LimitedByDailyCap)]
    [InlineData(96, 0, IncentiveLimit.DailyCapReached)]
    [InlineData(150, 0, IncentiveLimit.DailyCapReached)]
    [InlineData(0, 16.2, IncentiveLimit.None)]
    public void Amount_respects_the_drivers_daily_cap_of_one_hundred(double today, double amount, IncentiveLimit limit)
    {
        var quote = _pricer.Quote(Request(3.0, 0.1, today: (decimal)today));

        Assert.Equal((decimal)amount, quote.Amount);
        Assert.Equal(limit, quote.Limit);
    }

    [Fact]
    public void The_tighter_of_budget_and_daily_cap_binds()
    {
        Assert.Equal(IncentiveLimit.LimitedByBudget, _pricer.Quote(Request(3.0, 0.1, budget: 6m, today: 93m)).Limit); // 6 < 7
        Assert.Equal(IncentiveLimit.LimitedByDailyCap, _pricer.Quote(Request(3.0, 0.1, budget: 8m, today: 93m)).Limit); // 7 < 8
        Assert.Equal(7m, _pricer.Quote(Request(3.0, 0.1, budget: 8m, today: 93m)).Amount);
    }

    [Fact]
    public void Currency_and_its_minor_unit_are_per_city()
    {
        var pricer = new IncentivePricer(new IncentiveOptions { Currency = "JPY", CurrencyDecimals = 0, BaseAmount = 800m, AmountPerKm = 250m, MinimumAmount = 500m, MaximumAmount = 2000m, DailyCapPerDriver = 10_000m }, Imbalance);

        var quote = pricer.Quote(Request(1.234, 0.5)); // 250 x 0.234 = 58.5 -> 59

        Assert.Equal("JPY", quote.Currency);
        Assert.Equal(859m, quote.Amount);
    }

    [Fact]
    public void Urgency_follows_the_citys_undersupplied_threshold()
    {
        var pricer = new IncentivePricer(new IncentiveOptions(), new ImbalanceClassifier(new ImbalanceOptions { UndersuppliedBelow = 0.8 }));

        Assert.Equal(2m, pricer.Quote(Request(1.0, 0.4)).UrgencyAmount); // 4 x (0.8 - 0.4) / 0.8
    }

    [Fact]
    public void Invalid_requests_are_refused_naming_the_field()
    {
        Assert.Equal("request.DistanceKm", Assert.Throws<ArgumentOutOfRangeException>(() => _pricer.Quote(Request(-1, 0.5))).ParamName);
        Assert.Equal("request.DistanceKm", Assert.Throws<ArgumentOutOfRangeException>(() => _pricer.Quote(Request(1e30, 0.5))).ParamName);
        Assert.Equal("request.CampaignRemaining", Assert.Throws<ArgumentOutOfRangeException>(() => _pricer.Quote(Request(1, 0.5, budget: -1m))).ParamName);
    }
}
