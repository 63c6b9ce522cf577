using SupplyGrid.Simulator;

namespace SupplyGrid.Simulator.Tests.Offers;

public class OfferAcceptanceModelTests
{
    private readonly OfferAcceptanceModel _model = new(new OfferBehaviourOptions());

    [Fact]
    public void The_reference_offer_is_accepted_68_percent_of_the_time()
    {
        Assert.Equal(0.68, _model.Probability(10m, 1.5), 12);
    }

    [Fact]
    public void Acceptance_rises_with_the_amount_and_falls_with_the_distance()
    {
        for (decimal amount = 5; amount <= 20; amount += 1)
        {
            for (double km = 0; km <= 6; km += 0.5)
            {
                double p = _model.Probability(amount, km);
                Assert.InRange(p, 0, 1);
                Assert.True(_model.Probability(amount + 1, km) > p, $"more money, {amount + 1} at {km} km");
                Assert.True(_model.Probability(amount, km + 0.5) < p, $"further, {amount} at {km + 0.5} km");
            }
        }
    }

    [Fact]
    public void The_slopes_are_the_documented_log_odds()
    {
        // logit(0.68) = ln(0.68 / 0.32) = 0.7538. +5 money units add 5 x 0.2 = 1: 1 / (1 + e^-1.7538) = 0.852.
        // 2 km further takes 2 x 0.5 = 1 off: 1 / (1 + e^0.2462) = 0.439.
        Assert.Equal(0.852, _model.Probability(15m, 1.5), 3);
        Assert.Equal(0.439, _model.Probability(10m, 3.5), 3);
    }

    [Fact]
    public void A_fleet_with_individual_biases_accepts_typical_offers_about_68_percent_of_the_time()
    {
        var random = new SimRandom(17);
        double sum = 0;
        const int drivers = 20_000;
        for (int i = 0; i < drivers; i++)
            sum += _model.Probability(10m, 1.5, _model.DrawDriverBias(random));

        // Spreading the log-odds (sd 0.5) pulls the mean a little towards one half: about 0.672.
        Assert.InRange(sum / drivers, 0.66, 0.68);
    }

    [Fact]
    public void Nonsense_inputs_are_refused_by_name()
    {
        Assert.Equal("amount", Assert.Throws<ArgumentOutOfRangeException>(() => _model.Probability(-1m, 1)).ParamName);
        Assert.Equal("distanceKm", Assert.Throws<ArgumentOutOfRangeException>(() => _model.Probability(10m, double.NaN)).ParamName);
        Assert.Equal("ReferenceAcceptance", Assert.Throws<ArgumentOutOfRangeException>(() => new OfferAcceptanceModel(new OfferBehaviourOptions { ReferenceAcceptance = 1 })).ParamName);
    }
}
