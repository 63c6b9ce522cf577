using SupplyGrid.Grains.Tests.Grid;
using SupplyGrid.Geo;
using SupplyGrid.Grains.Events;
using SupplyGrid.Grains.Messaging;

namespace SupplyGrid.Grains.Tests.Scenarios;

[Collection(DefaultGrid.Name)]
public sealed class CampaignScenarios(DefaultGrid grid)
{
    [Fact]
    public async Task Concurrent_offers_to_many_drivers_stop_when_the_budget_is_used()
    {
        await using var s = await grid.StartScenarioAsync();
        var campaign = s.Grains.GetGrain<ICampaignGrain>("small");
        await campaign.Create(Pool(budget: 40m, s.Now));
        var target = Places.Cell(Places.Anchor);
        var donor = Places.Ring(target, 1)[0];
        var drivers = await RepositionScenarios.PlaceDriversAsync(s, donor, "d", 12);

        var decisions = await Task.WhenAll(drivers.Select((d, i) =>
            s.Driver(d).Offer(RepositionScenarios.OfferTo(target, $"o{i}", s.Now) with { CampaignId = "small" })));

        var offered = decisions.Where(d => d.Offered).ToArray();
        Assert.InRange(offered.Length, 1, 8);
        Assert.All(decisions.Where(d => !d.Offered), d => Assert.Equal(OfferRefusal.BudgetExhausted, d.Refusal));
        var view = (await campaign.Get())!;
        Assert.Equal(offered.Sum(d => d.Amount), view.Reserved);
        Assert.True(view.Reserved <= 40m);
    }

    [Fact]
    public async Task A_sharded_pool_splits_its_budget_and_a_cell_moves_on_when_its_shard_is_spent()
    {
        await using var s = await DomainScenario.StartAsync(new Dictionary<string, string?>
        {
            ["Cities:singapore:RepositionPool:Budget"] = "40",
            ["Cities:singapore:RepositionPool:Shards"] = "4",
        });
        var target = Places.Cell(Places.Anchor);
        await RepositionScenarios.PlaceDriversAsync(s, Places.Ring(target, 1)[0], "d", 12);
        for (var i = 0; i < 30; i++)
            await s.BookAsync($"b{i}", Places.Centre(target));

        // A spent shard sends the next plan to the next shard at once, not after the pause of a fruitless plan.
        await s.AdvanceAsync(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(1));

        var info = await s.CityGrain.GetInfo();
        Assert.Equal(4, info.RepositionCampaignIds.Count);
        var shards = await Task.WhenAll(info.RepositionCampaignIds.Select(id => s.Grains.GetGrain<ICampaignGrain>(id).Get()));
        Assert.All(shards, shard => Assert.Equal(10m, shard!.Definition.Budget));
        var drawn = string.Join(", ", shards.Select(shard => $"{shard!.Id}: {shard.Reserved + shard.Spent}"));
        Assert.All(shards, shard => Assert.True(shard!.Reserved + shard.Spent > 5m, $"every shard was drawn on within a minute ({drawn})"));
        Assert.Equal(shards.Sum(shard => shard!.Reserved), RepositionScenarios.Offers(s).Sum(m => m.Payload!.Amount!.Value));
        Assert.True(shards.Sum(shard => shard!.Reserved + shard.Spent) <= 40m);
    }

    [Fact]
    public async Task A_campaign_holds_each_driver_to_its_daily_cap()
    {
        await using var s = await grid.StartScenarioAsync();
        var campaign = s.Grains.GetGrain<ICampaignGrain>("capped");
        await campaign.Create(Pool(budget: 1_000m, s.Now) with { PerDriverDailyCap = 15m });
        var target = Places.Cell(Places.Anchor);

        var first = await campaign.Reserve(Request("o1", "d1", target, s.Now));
        var second = await campaign.Reserve(Request("o2", "d1", target, s.Now));
        var otherDriver = await campaign.Reserve(Request("o3", "d2", target, s.Now));

        Assert.True(first.Granted);
        Assert.Equal(CampaignRefusal.DailyCapReached, second.Refusal);
        Assert.True(otherDriver.Granted);
        // Released money comes back to the driver's allowance.
        await campaign.Release("o1", "declined");
        Assert.True((await campaign.Reserve(Request("o4", "d1", target, s.Now))).Granted);
    }

    [Fact]
    public async Task A_paused_campaign_refuses_new_reservations_until_resumed_and_a_cancelled_one_for_good()
    {
        await using var s = await grid.StartScenarioAsync();
        var campaign = s.Grains.GetGrain<ICampaignGrain>("pausable");
        await campaign.Create(Pool(budget: 100m, s.Now));
        var target = Places.Cell(Places.Anchor);

        Assert.Equal(CampaignStatus.Paused, (await campaign.Pause()).Status);
        Assert.Equal(CampaignRefusal.NotActive, (await campaign.Reserve(Request("o1", "d1", target, s.Now))).Refusal);
        Assert.Equal(CampaignStatus.Active, (await campaign.Resume()).Status);
        Assert.True((await campaign.Reserve(Request("o2", "d1", target, s.Now))).Granted);
        Assert.Equal(CampaignStatus.Cancelled, (await campaign.Cancel()).Status);
        Assert.Equal(CampaignRefusal.NotActive, (await campaign.Reserve(Request("o3", "d2", target, s.Now))).Refusal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => campaign.Resume());

        // The offer reserved before the cancellation still settles.
        Assert.True((await campaign.Commit("o2", 5m, SettlementOutcome.OnTime)).Applied);
        // The campaign tells its city one-way: wait for that before asking the city.
        await s.QuiesceAsync();
        var summaries = await s.CityGrain.ListCampaigns();
        Assert.Equal(CampaignStatus.Cancelled, summaries.Single(c => c.Id == "pausable").Status);
    }

    [Fact]
    public async Task Creating_a_campaign_validates_it_and_is_idempotent()
    {
        await using var s = await grid.StartScenarioAsync();
        var campaign = s.Grains.GetGrain<ICampaignGrain>("c");
        var definition = Pool(budget: 100m, s.Now);

        var bad = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => campaign.Create(definition with { Budget = -1 }));
        Assert.Equal("Budget", bad.ParamName);
        var created = await campaign.Create(definition);
        Assert.Equal(created, await campaign.Create(definition));
        await Assert.ThrowsAsync<InvalidOperationException>(() => campaign.Create(definition with { Budget = 200m }));
        Assert.Null(await s.Grains.GetGrain<ICampaignGrain>("never-created").Get());
    }

    [Fact]
    public async Task A_quest_pays_its_reward_once_when_the_driver_completes_enough_trips_in_its_cells()
    {
        await using var s = await grid.StartScenarioAsync();
        var target = Places.Cell(Places.Anchor);
        var quest = s.Grains.GetGrain<ICampaignGrain>("quest");
        await quest.Create(new CampaignDefinition
        {
            CityId = DomainScenario.City,
            Kind = CampaignKind.Quest,
            Name = "Two trips downtown",
            Budget = 100m,
            StartsAt = s.Now.AddHours(-1),
            EndsAt = s.Now.AddHours(2),
            TargetCells = [target.ToString()],
            Quest = new QuestTerms(RequiredTrips: 2, Reward: 10m),
        });
        await s.PingAsync("d1", Places.Centre(target));

        await TripAsync(s, "d1", "t1", target);
        await TripAsync(s, "d1", "t1", target);
        await s.QuiesceAsync();
        Assert.Equal(0m, (await quest.Get())!.Spent);

        await TripAsync(s, "d1", "t2", target);
        await TripAsync(s, "d1", "t3", target);
        await s.QuiesceAsync();

        Assert.Equal(10m, (await quest.Get())!.Spent);
        Assert.Equal(1, (await quest.GetMetrics()).Awards);
        var incentives = await s.Driver("d1").GetIncentives();
        Assert.Equal(10m, incentives.PaidToday);
        Assert.Single(incentives.Awards);
        Assert.Single(s.MessagesTo("d1"), m => m.Type == MdtMessageType.IncentivePaid);
        Assert.Equal(3, (await s.Driver("d1").GetView()).Today.Trips);
    }

    [Fact]
    public async Task An_event_raises_the_expected_demand_of_its_area_and_funds_the_offers_into_it()
    {
        await using var s = await grid.StartScenarioAsync();
        var venue = Places.Cell(Places.Anchor);
        var outside = Places.Ring(venue, 4)[0];
        var donor = Places.Ring(venue, 3)[0];
        await RepositionScenarios.PlaceDriversAsync(s, donor, "d", 6);
        var campaign = s.Grains.GetGrain<ICampaignGrain>("concert");
        await campaign.Create(new CampaignDefinition
        {
            CityId = DomainScenario.City,
            Kind = CampaignKind.Event,
            Name = "Concert",
            Budget = 500m,
            StartsAt = s.Now.AddMinutes(20),
            EndsAt = s.Now.AddMinutes(80),
            Event = new EventTerms(Places.Centre(venue), RadiusKm: 0.5, ExpectedDemand: 40, PrepositionLead: TimeSpan.FromMinutes(30), SurgeMultiplier: 1.5),
        });
        await s.Cell(outside).GetSnapshot();

        await s.AdvanceAsync(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(1));

        var inArea = await s.Cell(venue).GetSnapshot();
        Assert.True(inArea.EventDemand > 0, "the event's demand is spread over its area before it starts");
        Assert.Equal(0, (await s.Cell(outside).GetSnapshot()).EventDemand);
        Assert.True((await campaign.GetMetrics()).Reservations > 0, "offers into the area draw on the event's budget");

        await s.AdvanceAsync(TimeSpan.FromMinutes(80), TimeSpan.FromMinutes(1));
        Assert.Equal(0, (await s.Cell(venue).GetSnapshot()).EventDemand);
    }

    private static Task TripAsync(DomainScenario s, string driverId, string tripId, H3Index cell) =>
        s.DeliverAsync(Topics.UploadTrip, driverId, new UploadTrip
        {
            EventId = "trip-" + tripId,
            Ts = s.Now,
            TripId = tripId,
            DriverId = driverId,
            VehicleId = "v-" + driverId,
            PickupLat = Places.Centre(cell).Lat,
            PickupLng = Places.Centre(cell).Lng,
            DropoffLat = Places.Anchor.Lat + 0.02,
            DropoffLng = Places.Anchor.Lng,
            StartedAt = s.Now.AddMinutes(-20),
            EndedAt = s.Now.AddMinutes(-1),
            DistanceKm = 5,
            Fare = 15m,
            DriverEarnings = 12m,
            Currency = "SGD",
        });

    internal static CampaignDefinition Pool(decimal budget, DateTimeOffset now) => new()
    {
        CityId = DomainScenario.City,
        Kind = CampaignKind.RepositionPool,
        Name = "Test pool",
        Budget = budget,
        StartsAt = now.AddHours(-1),
    };

    internal static ReservationRequest Request(string offerId, string driverId, H3Index target, DateTimeOffset now) =>
        new(offerId, driverId, target, DistanceKm: 1.5, TargetRatio: 0.2, TierBonus: 0m, DriverIncentivesToday: 0m,
            DateOnly.FromDateTime(now.UtcDateTime), now.AddHours(1));
}
