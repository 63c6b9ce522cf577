using SupplyGrid.Grains.Policies;

namespace SupplyGrid.Grains.Tests.Policies;

public class DriverTierPolicyTests
{
    private readonly DriverTierPolicy _policy = new(new DriverTierOptions());

    private static DriverProfile Profile(double acceptance, double cancellation, double rating, int trips = 100) =>
        new(acceptance, cancellation, rating, trips, OffersSeen: 0, OffersAccepted: 0);

    // score = 0.4 acceptance + 0.2 (1 - cancellation) + 0.4 clamp((rating - 4) / 1, 0, 1)
    [Theory]
    [InlineData(1.0, 0.0, 5.0, 1.0, DriverTier.Platinum, 1.5)]
    [InlineData(0.95, 0.02, 4.9, 0.936, DriverTier.Platinum, 1.5)] // 0.38 + 0.196 + 0.36
    [InlineData(0.9, 0.05, 4.8, 0.87, DriverTier.Gold, 1.0)] // 0.36 + 0.19 + 0.32
    [InlineData(0.7, 0.1, 4.5, 0.66, DriverTier.Silver, 0.5)] // 0.28 + 0.18 + 0.2
    [InlineData(0.5, 0.2, 4.2, 0.44, DriverTier.Standard, 0.0)] // 0.2 + 0.16 + 0.08
    [InlineData(1.0, 0.0, 3.5, 0.6, DriverTier.Silver, 0.5)] // rating below the floor scores 0: 0.4 + 0.2
    public void Tier_and_bonus_from_the_weighted_score(double acceptance, double cancellation, double rating, double score, DriverTier tier, double bonus)
    {
        var result = _policy.Assess(Profile(acceptance, cancellation, rating));

        Assert.Equal(score, result.Score, 9);
        Assert.Equal(tier, result.Tier);
        Assert.Equal((decimal)bonus, result.Bonus);
        Assert.True(result.EnoughHistory);
    }

    [Fact]
    public void A_driver_with_few_trips_stays_standard_whatever_the_score()
    {
        var result = _policy.Assess(Profile(1.0, 0.0, 5.0, trips: 19));

        Assert.Equal(DriverTier.Standard, result.Tier);
        Assert.Equal(0m, result.Bonus);
        Assert.False(result.EnoughHistory);
        Assert.Equal(1.0, result.Score, 9);
    }

    [Fact]
    public void Bonus_never_leaves_zero_to_one_and_a_half_with_the_defaults()
    {
        var random = new Random(7);
        for (var i = 0; i < 1_000; i++)
        {
            var result = _policy.Assess(Profile(random.NextDouble(), random.NextDouble(), random.NextDouble() * 5, random.Next(0, 500)));

            Assert.InRange(result.Bonus, 0m, 1.5m);
            Assert.InRange(result.Score, 0, 1);
        }
    }

    [Fact]
    public void Invalid_profiles_are_refused_naming_the_field()
    {
        Assert.Equal("Rating", Assert.Throws<ArgumentOutOfRangeException>(() => _policy.Assess(Profile(0.5, 0.1, 5.5))).ParamName);
        Assert.Equal("AcceptanceRate", Assert.Throws<ArgumentOutOfRangeException>(() => _policy.Assess(Profile(1.2, 0.1, 4.5))).ParamName);
        Assert.Equal("OffersAccepted", Assert.Throws<ArgumentOutOfRangeException>(
            () => _policy.Assess(new DriverProfile(0.5, 0.1, 4.5, 10, OffersSeen: 2, OffersAccepted: 3))).ParamName);
    }
}
