using SupplyGrid.Grains.Tests.Grid;
using SupplyGrid.Geo;
using SupplyGrid.Grains.Events;
using SupplyGrid.Grains.Messaging;

namespace SupplyGrid.Grains.Tests.Scenarios;

[Collection(DefaultGrid.Name)]
public sealed class RepositionScenarios(DefaultGrid grid)
{
    private static readonly EventValidationOptions Contract = new();

    [Fact]
    public async Task A_deficit_cell_offers_moves_to_the_nearest_surplus_drivers_first()
    {
        await using var s = await DomainScenario.StartAsync(new Dictionary<string, string?>
        {
            ["Cities:singapore:Policies:Reposition:MaxOffersPerPlan"] = "4",
        });
        var target = Places.Cell(Places.Anchor);
        var near = Places.Ring(target, 1)[0];
        var middle = Places.Ring(target, 2)[0];
        var far = Places.Ring(target, 3)[0];
        var nearDrivers = await PlaceDriversAsync(s, near, "near", 5);
        await PlaceDriversAsync(s, middle, "middle", 5);
        await PlaceDriversAsync(s, far, "far", 5);
        for (var i = 0; i < 20; i++)
            await s.BookAsync($"b{i}", Places.Centre(target));

        await AdvanceUntilAsync(s, () => Offers(s).Count >= 4, "the first plan's offers");

        var firstPlan = Offers(s).Take(4).ToArray();
        Assert.All(firstPlan, m => Assert.Contains(m.DriverId, nearDrivers));
        Assert.Equal(4, firstPlan.Select(m => m.DriverId).Distinct().Count());
        foreach (var message in firstPlan)
        {
            Assert.Null(message.Validate(s.Now, Contract));
            Assert.Equal(target.ToString(), message.Payload!.TargetCell);
            Assert.Equal(message.OfferId, message.MessageId);
            Assert.InRange(message.Payload.Amount!.Value, 5m, 20m);
            Assert.Equal("SGD", message.Payload.Currency);
            Assert.True(message.Payload.Reason!.Ratio < 0.5, "the offer carries the deficit ratio behind it");
            Assert.StartsWith("REPOSITION", message.Text);
        }

        await s.AdvanceAsync(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1));
        var snapshot = await s.Cell(target).GetSnapshot();
        Assert.True(snapshot.IsDeficit);
        Assert.True(snapshot.PendingArrivals > 0, "the offers out count as expected arrivals");
    }

    [Fact]
    public async Task A_deficit_cell_plans_only_once_it_has_heard_every_donor_that_started_with_it()
    {
        // The nearest donor's cell starts last, so its first tick (and its first push of figures) comes last in the
        // round in which the deficit cell first ticks: an offer before then would go to a farther donor's drivers.
        await using var s = await DomainScenario.StartAsync(new Dictionary<string, string?>
        {
            ["Cities:singapore:Policies:Reposition:MaxOffersPerPlan"] = "4",
        });
        var target = Places.Cell(Places.Anchor);
        await PlaceDriversAsync(s, Places.Ring(target, 3)[0], "far", 5);
        await PlaceDriversAsync(s, Places.Ring(target, 2)[0], "middle", 5);
        for (var i = 0; i < 20; i++)
            await s.BookAsync($"b{i}", Places.Centre(target));
        var nearDrivers = await PlaceDriversAsync(s, Places.Ring(target, 1)[0], "near", 5);

        await AdvanceUntilAsync(s, () => Offers(s).Count >= 4, "the first plan's offers");

        Assert.All(Offers(s).Take(4), m => Assert.Contains(m.DriverId, nearDrivers));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("0.0001", false)]
    public async Task A_deficit_cell_above_the_offer_threshold_sends_no_offer(string? offerBelow, bool offers)
    {
        await using var s = offerBelow is null
            ? await grid.StartScenarioAsync()
            : await DomainScenario.StartAsync(new Dictionary<string, string?> { ["Cities:singapore:Policies:Reposition:OfferBelowRatio"] = offerBelow });
        var target = Places.Cell(Places.Anchor);
        await PlaceDriversAsync(s, target, "here", 1);
        await PlaceDriversAsync(s, Places.Ring(target, 1)[0], "near", 5);
        for (var i = 0; i < 20; i++)
            await s.BookAsync($"b{i}", Places.Centre(target));

        for (var i = 0; i < 60 && Offers(s).Count == 0; i++)
            await s.AdvanceAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        var snapshot = await s.Cell(target).GetSnapshot();
        Assert.True(snapshot.IsDeficit);
        Assert.True(snapshot.Ratio > 0.0001, $"the cell's own driver counts ({snapshot.Ratio})");
        Assert.Equal(offers, Offers(s).Count > 0);
    }

    [Fact]
    public async Task With_nobody_within_two_km_the_search_widens_to_five()
    {
        await using var s = await grid.StartScenarioAsync();
        var target = Places.Cell(Places.Anchor);
        var far = Places.Ring(target, 3)[0];
        Assert.InRange(Places.Km(Places.Centre(target), Places.Centre(far)), 2.0, 5.0);
        var farDrivers = await PlaceDriversAsync(s, far, "far", 4);
        for (var i = 0; i < 10; i++)
            await s.BookAsync($"b{i}", Places.Centre(target));

        await AdvanceUntilAsync(s, () => Offers(s).Count > 0, "an offer from the widened search");

        Assert.All(Offers(s), m => Assert.Contains(m.DriverId, farDrivers));
    }

    [Fact]
    public async Task A_donor_gives_only_the_drivers_it_can_spare_and_does_not_fall_into_deficit()
    {
        await using var s = await grid.StartScenarioAsync();
        var target = Places.Cell(Places.Anchor);
        var donor = Places.Ring(target, 1)[0];
        var donorDrivers = await PlaceDriversAsync(s, donor, "d", 6);
        for (var i = 0; i < 6; i++)
            await s.BookAsync($"donor-{i}", Places.Centre(donor));
        for (var i = 0; i < 30; i++)
            await s.BookAsync($"target-{i}", Places.Centre(target));

        await AdvanceUntilAsync(s, () => Offers(s).Count > 0, "offers to the donor's drivers");
        await s.AdvanceAsync(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1));

        // 6 drivers against 6 bookings: 3 may leave and keep the donor at the undersupplied threshold 0.5, not below.
        var offered = Offers(s).Select(m => m.DriverId).Distinct().ToArray();
        Assert.Equal(3, offered.Length);
        Assert.All(offered, d => Assert.Contains(d, donorDrivers));
    }

    [Fact]
    public async Task A_driver_never_holds_two_live_offers_even_when_two_deficit_cells_ask_at_once()
    {
        await using var s = await grid.StartScenarioAsync();
        var donor = Places.Cell(Places.Anchor);
        var drivers = await PlaceDriversAsync(s, donor, "d", 4);
        var targets = Places.Ring(donor, 1).Take(2).ToArray();

        var concurrent = await Task.WhenAll(targets.Select((t, i) => s.Driver(drivers[0]).Offer(OfferTo(t, $"race-{i}", s.Now))));
        Assert.Single(concurrent, d => d.Offered);
        Assert.Single(concurrent, d => d.Refusal == OfferRefusal.HasLiveOffer);

        foreach (var (t, i) in targets.Select((t, i) => (t, i)))
        {
            for (var b = 0; b < 15; b++)
                await s.BookAsync($"t{i}-{b}", Places.Centre(t));
        }

        await Task.WhenAll(targets.Select(t => s.Cell(t).SuggestReposition(send: true)));
        await s.AdvanceAsync(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(1));

        foreach (var driver in drivers)
        {
            var view = await s.Driver(driver).GetView();
            Assert.True(view.RecentOffers.Count(o => o.IsLive) <= 1, $"{driver} holds at most one live offer");
            Assert.True(s.MessagesTo(driver).Count(m => m.Type == MdtMessageType.RepositionOffer) <= 1);
        }
    }

    [Fact]
    public async Task A_suggested_plan_is_shown_without_being_sent_unless_asked()
    {
        // The clock stands still in this scenario, so cells recompute only when asked and nothing but the explicit
        // suggestion can send an offer.
        await using var s = await grid.StartScenarioAsync();
        var target = Places.Cell(Places.Anchor);
        var donor = Places.Ring(target, 1)[0];
        await PlaceDriversAsync(s, donor, "d", 5);
        for (var i = 0; i < 12; i++)
            await s.BookAsync($"b{i}", Places.Centre(target));
        await s.Cell(donor).SuggestReposition(send: false);
        await s.QuiesceAsync();

        var shown = await s.Cell(target).SuggestReposition(send: false);
        Assert.False(shown.Sent);
        Assert.Equal(12, shown.DriversNeeded);
        Assert.NotEmpty(shown.Moves);
        Assert.All(shown.Moves, m => Assert.Null(m.Decision));
        Assert.Empty(Offers(s));

        var sent = await s.Cell(target).SuggestReposition(send: true);
        Assert.True(sent.Sent);
        Assert.All(sent.Moves, m => Assert.Equal(OfferRefusal.None, m.Decision!.Value.Refusal));
        Assert.Equal(sent.Moves.Count, Offers(s).Count);
    }

    internal static async Task<string[]> PlaceDriversAsync(DomainScenario s, H3Index cell, string prefix, int count)
    {
        var ids = Enumerable.Range(0, count).Select(i => $"{prefix}-{i}").ToArray();
        foreach (var id in ids)
            await s.PingAsync(id, Places.Centre(cell));
        return ids;
    }

    internal static IReadOnlyList<MdtMessage> Offers(DomainScenario s) =>
        s.Outbox.Messages.Where(m => m.Type == MdtMessageType.RepositionOffer).ToArray();

    internal static async Task AdvanceUntilAsync(DomainScenario s, Func<bool> condition, string what, int maxSeconds = 120)
    {
        for (var i = 0; i < maxSeconds && !condition(); i++)
            await s.AdvanceAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        Assert.True(condition(), $"within {maxSeconds} s of grid time: {what}");
    }

    internal static RepositionOffer OfferTo(H3Index target, string offerId, DateTimeOffset now) => new()
    {
        OfferId = offerId,
        CityId = DomainScenario.City,
        CampaignId = "singapore-reposition",
        TargetCell = target,
        TargetCentre = Places.Centre(target),
        TargetSupply = 0,
        TargetDemand = 5,
        TargetRatio = 0.1,
        DecidedAt = now,
    };
}
