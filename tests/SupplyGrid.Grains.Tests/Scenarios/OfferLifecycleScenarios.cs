using SupplyGrid.Grains.Tests.Grid;
using SupplyGrid.Grains.Events;
using SupplyGrid.Grains.Messaging;

namespace SupplyGrid.Grains.Tests.Scenarios;

[Collection(DefaultGrid.Name)]
public sealed class OfferLifecycleScenarios(DefaultGrid grid)
{
    private static readonly EventValidationOptions Contract = new();

    [Fact]
    public async Task An_accepted_offer_pays_the_full_amount_once_on_arrival_within_the_limit()
    {
        await using var s = await grid.StartScenarioAsync();
        var (target, offer) = await OfferAsync(s, "d1");
        Assert.True(offer.Offered);
        Assert.Equal(offer.Amount, (await s.Pool.Get())!.Reserved);

        await s.ReplyAsync("d1", offer.OfferId, ReplyDecision.Accept);
        await s.AdvanceAsync(TimeSpan.FromMinutes(6), TimeSpan.FromSeconds(30));
        var arrival = DomainScenario.Ping("d1", Places.Centre(target), DriverStatus.Available, s.Now);
        await s.DeliverAsync(Topics.DriverEvent, "d1", arrival);
        await s.QuiesceAsync();

        var settled = (await s.Driver("d1").GetView()).RecentOffers.Single();
        Assert.Equal(OfferState.Arrived, settled.State);
        Assert.Equal(SettlementOutcome.OnTime, settled.Outcome);
        Assert.Equal(offer.Amount, settled.Paid);
        Assert.Equal(new[] { OfferState.Offered, OfferState.Accepted, OfferState.Arrived }, settled.Transitions.Select(t => t.State));

        // Replays of the reply and of the arrival ping, a later ping in the target, and a retried commit pay nothing more.
        await s.ReplyAsync("d1", offer.OfferId, ReplyDecision.Accept);
        await s.DeliverAsync(Topics.DriverEvent, "d1", arrival);
        await s.PingAsync("d1", Places.Centre(target), ts: s.Now.AddSeconds(4));
        var retried = await s.Pool.Commit(offer.OfferId, offer.Amount, SettlementOutcome.OnTime);
        await s.QuiesceAsync();
        Assert.False(retried.Applied);

        var pool = (await s.Pool.Get())!;
        Assert.Equal(offer.Amount, pool.Spent);
        Assert.Equal(0m, pool.Reserved);
        Assert.Equal(offer.Amount, (await s.Driver("d1").GetIncentives()).PaidToday);

        var messages = s.MessagesTo("d1");
        Assert.Equal(
            new[] { MdtMessageType.RepositionOffer, MdtMessageType.OfferConfirmed, MdtMessageType.IncentivePaid },
            messages.Select(m => m.Type));
        Assert.Equal(new[] { offer.OfferId, offer.OfferId + ":confirmed", offer.OfferId + ":paid" }, messages.Select(m => m.MessageId));
        Assert.All(messages, m => Assert.Null(m.Validate(s.Now, Contract)));
        Assert.Equal(offer.Amount, messages[^1].Payload!.Amount);
    }

    [Fact]
    public async Task A_late_arrival_pays_half_rounded_down()
    {
        await using var s = await grid.StartScenarioAsync();
        var (target, offer) = await OfferAsync(s, "d1");
        await s.Driver("d1").Reply(offer.OfferId, accept: true, reason: null);

        await s.AdvanceAsync(TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(1));
        await s.PingAsync("d1", Places.Centre(target));
        await s.QuiesceAsync();

        var settled = (await s.Driver("d1").GetView()).RecentOffers.Single();
        Assert.Equal(SettlementOutcome.Late, settled.Outcome);
        var half = Math.Round(offer.Amount / 2, 2, MidpointRounding.ToZero);
        Assert.Equal(half, settled.Paid);
        var pool = (await s.Pool.Get())!;
        Assert.Equal(half, pool.Spent);
        Assert.Equal(0m, pool.Reserved);
    }

    [Fact]
    public async Task A_decline_releases_the_reservation()
    {
        await using var s = await grid.StartScenarioAsync();
        var (_, offer) = await OfferAsync(s, "d1");

        await s.ReplyAsync("d1", offer.OfferId, ReplyDecision.Decline, "too_far");
        await s.QuiesceAsync();

        var view = (await s.Driver("d1").GetView()).RecentOffers.Single();
        Assert.Equal(OfferState.Declined, view.State);
        Assert.Contains("too_far", view.Transitions[^1].Reason);
        var pool = (await s.Pool.GetMetrics());
        Assert.Equal(0m, pool.Reserved);
        Assert.Equal(0m, pool.Spent);
        Assert.Equal(1, pool.Released);
        Assert.Contains(s.MessagesTo("d1"), m => m.MessageId == offer.OfferId + ":declined" && m.Validate(s.Now, Contract) is null);
    }

    [Fact]
    public async Task An_unanswered_offer_expires_after_the_reply_timeout_and_releases_the_reservation()
    {
        await using var s = await grid.StartScenarioAsync();
        var (_, offer) = await OfferAsync(s, "d1");

        await s.AdvanceAsync(TimeSpan.FromMinutes(2.5), TimeSpan.FromSeconds(10));
        Assert.Equal(OfferState.Offered, (await s.Driver("d1").GetView()).LiveOffer!.State);
        await s.AdvanceAsync(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(10));

        var view = await s.Driver("d1").GetView();
        Assert.Null(view.LiveOffer);
        Assert.Equal(OfferState.Expired, view.RecentOffers.Single().State);
        Assert.Equal(0m, (await s.Pool.Get())!.Reserved);
        var expired = s.MessagesTo("d1").Single(m => m.Type == MdtMessageType.OfferExpired);
        Assert.Equal(offer.OfferId + ":expired", expired.MessageId);
        Assert.Null(expired.Validate(s.Now, Contract));

        // A reply after the expiry changes nothing.
        var late = await s.Driver("d1").Reply(offer.OfferId, accept: true, reason: null);
        Assert.Equal(OfferState.Expired, late!.State);
    }

    [Fact]
    public async Task An_accepted_offer_without_arrival_fails_at_the_deadline_and_pays_nothing()
    {
        await using var s = await grid.StartScenarioAsync();
        var (_, offer) = await OfferAsync(s, "d1");
        await s.Driver("d1").Reply(offer.OfferId, accept: true, reason: null);

        await s.AdvanceAsync(TimeSpan.FromMinutes(31), TimeSpan.FromMinutes(1));

        var view = (await s.Driver("d1").GetView()).RecentOffers.Single();
        Assert.Equal(OfferState.Failed, view.State);
        Assert.Equal(0m, view.Paid);
        var metrics = await s.Pool.GetMetrics();
        Assert.Equal((0m, 0m, 1), (metrics.Spent, metrics.Reserved, metrics.Failed));
        Assert.Contains(s.MessagesTo("d1"), m => m.MessageId == offer.OfferId + ":failed");
    }

    [Fact]
    public async Task A_driver_who_takes_a_job_loses_the_offer_and_the_money_goes_back()
    {
        await using var s = await grid.StartScenarioAsync();
        var (_, offer) = await OfferAsync(s, "d1");

        await s.PingAsync("d1", Places.Anchor, DriverStatus.Busy, s.Now.AddSeconds(4));

        var view = (await s.Driver("d1").GetView()).RecentOffers.Single();
        Assert.Equal(OfferState.Expired, view.State);
        Assert.Equal(0m, (await s.Pool.Get())!.Reserved);
        Assert.Equal(offer.OfferId, view.OfferId);
    }

    [Fact]
    public async Task An_operator_can_send_a_fixed_incentive_and_free_text_to_a_driver()
    {
        await using var s = await grid.StartScenarioAsync();
        var target = Places.Cell(Places.Anchor);
        await s.PingAsync("d1", Places.Centre(Places.Ring(target, 1)[0]));
        await s.Grains.GetGrain<ICampaignGrain>("promo").Create(CampaignScenarios.Pool(100m, s.Now));

        var decision = await s.Driver("d1").OfferMove(target.ToString(), "promo", fixedAmount: 12.5m);
        var message = await s.Driver("d1").SendBroadcast("Heavy rain expected downtown from 18:00, drive safely and keep your lights on.");

        Assert.True(decision.Offered);
        Assert.Equal(12.5m, decision.Amount);
        Assert.Equal(12.5m, (await s.Grains.GetGrain<ICampaignGrain>("promo").Get())!.Reserved);
        var offer = s.MessagesTo("d1").Single(m => m.Type == MdtMessageType.IncentiveOffer);
        Assert.Equal(12.5m, offer.Payload!.Amount);
        Assert.StartsWith("INCENTIVE", offer.Text);
        Assert.Equal(MdtMessageType.Broadcast, message.Type);
        Assert.Null(message.Validate(s.Now, Contract));
        Assert.True(message.Text.Split('\n').Length <= 4);
        await Assert.ThrowsAsync<ArgumentException>(() => s.Driver("d1").OfferMove("not-a-cell", null, null));
    }

    /// <summary>A driver one ring away from the anchor cell, offered a move into it.</summary>
    internal static async Task<(Geo.H3Index Target, OfferDecision Offer)> OfferAsync(DomainScenario s, string driverId)
    {
        var target = Places.Cell(Places.Anchor);
        var from = Places.Ring(target, 1)[0];
        await s.PingAsync(driverId, Places.Centre(from));
        var decision = await s.Driver(driverId).Offer(RepositionScenarios.OfferTo(target, "offer-" + driverId, s.Now));
        Assert.True(decision.Offered, $"offer refused: {decision.Refusal}");
        await s.QuiesceAsync();
        return (target, decision);
    }
}
