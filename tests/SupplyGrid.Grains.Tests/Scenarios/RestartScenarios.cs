using SupplyGrid.Grains.Campaigns;
using SupplyGrid.Grains.Events;
using SupplyGrid.Grains.Messaging;
using SupplyGrid.Grains.Tests.Grid;

namespace SupplyGrid.Grains.Tests.Scenarios;

/// <summary>The exact ledger across silo restarts: what a grain wrote survives, and replays after the restart pay nothing more.</summary>
[Collection(SlowTickGrid.Name)]
public sealed class RestartScenarios(SlowTickGrid grid)
{
    [Fact]
    public async Task Concurrent_reservations_and_their_replays_never_take_more_than_the_budget()
    {
        await using var s = await grid.StartScenarioAsync();
        var campaign = s.Grains.GetGrain<ICampaignGrain>("small");
        await campaign.Create(CampaignScenarios.Pool(budget: 50m, s.Now));
        var target = Places.Cell(Places.Anchor);

        // Every reservation is sent twice at once: the replay must get the same answer and hold nothing more.
        var requests = Enumerable.Range(0, 40).Select(i => CampaignScenarios.Request($"o{i}", $"d{i}", target, s.Now)).ToArray();
        var answers = await Task.WhenAll(requests.Concat(requests).Select(r => campaign.Reserve(r)));

        var granted = answers.Take(40).Where(a => a.Granted).ToArray();
        Assert.NotEmpty(granted);
        Assert.Contains(answers, a => a.Refusal == CampaignRefusal.BudgetExhausted);
        Assert.Equal(answers.Take(40), answers.Skip(40));
        var view = (await campaign.Get())!;
        Assert.Equal(granted.Sum(a => a.Quote.Amount), view.Reserved);
        Assert.True(view.Reserved <= 50m);
        Assert.True(view.Remaining < 5m, "the budget was used until less than an offer's minimum was left");

        // Settle everything twice at once, across a silo restart: each offer is paid once.
        var grantedIds = requests.Where((_, i) => answers[i].Granted).Select(r => r.OfferId).ToArray();
        await Task.WhenAll(grantedIds.Select(id => campaign.Commit(id, 100m, SettlementOutcome.OnTime)));
        Assert.Equal(CampaignRefusal.AlreadySettled, (await campaign.Reserve(requests.First(r => r.OfferId == grantedIds[0]))).Refusal);
        await s.Grid.RestartAsync();
        campaign = s.Grains.GetGrain<ICampaignGrain>("small");
        var replays = await Task.WhenAll(grantedIds.Select(id => campaign.Commit(id, 100m, SettlementOutcome.OnTime)));
        Assert.All(replays, r => Assert.False(r.Applied));

        var settled = (await campaign.Get())!;
        Assert.Equal(granted.Sum(a => a.Quote.Amount), settled.Spent);
        Assert.Equal(0m, settled.Reserved);
        Assert.True(settled.Spent <= 50m);
    }

    [Fact]
    public async Task A_ledger_movement_writes_only_the_partition_of_its_driver()
    {
        await using var s = await grid.StartScenarioAsync();
        var campaign = s.Grains.GetGrain<ICampaignGrain>("parted");
        await campaign.Create(CampaignScenarios.Pool(budget: 10_000m, s.Now));
        var target = Places.Cell(Places.Anchor);
        var id = campaign.GetGrainId();
        var campaignVersion = (await s.ReadStoredAsync<CampaignState>("campaign", id)).ETag;

        var requests = Enumerable.Range(0, 48).Select(i => CampaignScenarios.Request($"o{i}", $"driver-{i}", target, s.Now)).ToArray();
        foreach (var request in requests)
            Assert.True((await campaign.Reserve(request)).Granted);
        foreach (var request in requests.Take(20))
            await campaign.Commit(request.OfferId, 3m, SettlementOutcome.OnTime);

        // 68 movements, 68 partition writes in all (this grid's ETag counts a row's writes), spread over the
        // partitions; the campaign's own row untouched.
        var partitions = new List<(string? ETag, LedgerPartition State)>();
        for (var i = 0; i < 16; i++)
        {
            var row = await s.ReadStoredAsync<LedgerPartition>($"ledger-{i}", id);
            if (row.RecordExists)
                partitions.Add((row.ETag, row.State!));
        }

        Assert.Equal(68, partitions.Sum(p => int.Parse(p.ETag!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(partitions.Count >= 8, $"48 drivers landed in only {partitions.Count} partitions");
        Assert.All(partitions, p => Assert.Equal(p.State.Open.Values.Sum(r => r.Amount), p.State.Reserved));
        Assert.Equal(campaignVersion, (await s.ReadStoredAsync<CampaignState>("campaign", id)).ETag);
        var view = (await campaign.Get())!;
        Assert.Equal((view.Spent, view.Reserved, view.OpenReservations), (partitions.Sum(p => p.State.Spent), partitions.Sum(p => p.State.Reserved), 28));

        await s.Grid.RestartAsync();
        var reread = (await s.Grains.GetGrain<ICampaignGrain>("parted").Get())!;
        Assert.Equal((view.Spent, view.Reserved, view.OpenReservations), (reread.Spent, reread.Reserved, reread.OpenReservations));
    }

    [Fact]
    public async Task A_silo_restart_between_acceptance_and_arrival_still_pays_exactly_once()
    {
        await using var s = await grid.StartScenarioAsync();
        var (target, offer) = await OfferLifecycleScenarios.OfferAsync(s, "d1");
        await s.Driver("d1").Reply(offer.OfferId, accept: true, reason: null);

        await s.Grid.RestartAsync();
        await s.PingAsync("d1", Places.Centre(target), ts: s.Now.AddMinutes(5));
        await s.QuiesceAsync();
        await s.Grid.RestartAsync();
        await s.PingAsync("d1", Places.Centre(target), ts: s.Now.AddMinutes(6));
        await s.QuiesceAsync();

        var pool = (await s.Pool.Get())!;
        Assert.Equal(offer.Amount, pool.Spent);
        Assert.Equal(0m, pool.Reserved);
        var view = await s.Driver("d1").GetView();
        Assert.Equal(OfferState.Arrived, view.RecentOffers.Single().State);
        Assert.Equal(offer.Amount, view.Today.IncentivesPaid);
    }

    [Fact]
    public async Task A_payment_notice_lost_with_the_silo_is_told_as_soon_as_the_driver_grain_is_back()
    {
        await using var s = await grid.StartScenarioAsync();
        var (target, offer) = await OfferLifecycleScenarios.OfferAsync(s, "lost-notice");
        await s.Driver("lost-notice").Reply(offer.OfferId, accept: true, reason: null);
        s.Grid.Ports.LosesDeliveries = true;
        var arrival = DomainScenario.Ping("lost-notice", Places.Centre(target), DriverStatus.Available, s.Now.AddMinutes(5));
        await s.DeliverAsync(Topics.DriverEvent, "lost-notice", arrival);
        Assert.Equal(offer.Amount, (await s.Pool.Get())!.Spent);
        Assert.DoesNotContain(s.MessagesTo("lost-notice"), m => m.Type == MdtMessageType.IncentivePaid);

        s.Grid.Ports.LosesDeliveries = false;
        await s.Grid.RestartAsync();
        // The replayed arrival wakes the grain, which finds the offer paid and ended but its notice unconfirmed.
        await s.DeliverAsync(Topics.DriverEvent, "lost-notice", arrival);
        await s.AdvanceAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        var paid = s.MessagesTo("lost-notice").Where(m => m.Type == MdtMessageType.IncentivePaid).ToArray();
        Assert.Equal([offer.OfferId + ":paid"], paid.Select(m => m.MessageId).Distinct());
        Assert.Equal(offer.Amount, paid[^1].Payload!.Amount);
        Assert.Equal(offer.Amount, (await s.Pool.Get())!.Spent);
    }
}
