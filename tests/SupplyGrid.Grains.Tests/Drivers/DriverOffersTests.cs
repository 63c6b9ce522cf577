using SupplyGrid.Grains.Drivers;
using SupplyGrid.Grains.Policies;

namespace SupplyGrid.Grains.Tests.Drivers;

/// <summary>The driver's offer state machine, without a silo.</summary>
public sealed class DriverOffersTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(T0.UtcDateTime);
    private static readonly IncentiveSettler Settler = new(new IncentiveOptions());

    private readonly DriverState _state = new() { Today = new DriverDayRecord { Day = Today } };

    [Fact]
    public void An_opened_offer_is_live_and_a_second_one_is_refused()
    {
        var offers = new DriverOffers(_state, historyLimit: 10);
        var first = Offer("o1");
        offers.Open(first, T0, "deficit");

        Assert.Same(first, offers.Live);
        Assert.Equal(OfferState.Offered, first.State);
        Assert.Throws<InvalidOperationException>(() => offers.Open(Offer("o2"), T0, "deficit"));
        Assert.Same(first, offers.Find("o1"));
        Assert.Null(offers.Find("o2"));
    }

    [Fact]
    public void Accepting_counts_the_offer_seen_and_accepted_and_keeps_it_live()
    {
        var offers = Opened(out var offer);
        offers.Accept(offer, T0.AddMinutes(1), "driver accepted");

        Assert.Equal(OfferState.Accepted, offer.State);
        Assert.Equal(T0.AddMinutes(1), offer.AcceptedAt);
        Assert.Same(offer, offers.Live);
        Assert.Equal((1, 1), (_state.OffersSeen, _state.OffersAccepted));
        Assert.False(offers.AwaitsReply(offer));
        Assert.Throws<InvalidOperationException>(() => offers.Decline(offer, T0.AddMinutes(2), "changed mind"));
    }

    [Fact]
    public void Declining_ends_the_offer_unpaid_with_its_release_pending()
    {
        var offers = Opened(out var offer);
        offers.Decline(offer, T0.AddMinutes(1), "driver declined");

        Assert.Equal(OfferState.Declined, offer.State);
        Assert.Null(offers.Live);
        Assert.True(offer.CommitPending);
        Assert.Equal(0m, offer.Paid);
        Assert.Equal((1, 0), (_state.OffersSeen, _state.OffersAccepted));
        Assert.Equal([offer], offers.Unconfirmed());
        Assert.True(offer.NoticePending);
    }

    [Fact]
    public void An_unanswered_offer_expires_at_its_reply_by_time_and_not_before()
    {
        var offers = Opened(out var offer);

        Assert.Null(offers.Timeout(offer.ReplyBy.AddTicks(-1), Settler, "no reply"));
        Assert.Same(offer, offers.Timeout(offer.ReplyBy, Settler, "no reply"));
        Assert.Equal(OfferState.Expired, offer.State);
        Assert.Equal("no reply", offer.Transitions[^1].Reason);
        Assert.Equal(1, _state.OffersSeen);
        Assert.Null(offers.Live);
    }

    [Fact]
    public void An_accepted_offer_without_arrival_fails_unpaid_at_the_failure_deadline()
    {
        var offers = Opened(out var offer);
        var accepted = T0.AddMinutes(1);
        offers.Accept(offer, accepted, "ok");

        Assert.Null(offers.Timeout(Settler.FailureDeadline(accepted).AddTicks(-1), Settler, "no reply"));
        Assert.Same(offer, offers.Timeout(Settler.FailureDeadline(accepted), Settler, "no reply"));
        Assert.Equal((OfferState.Failed, SettlementOutcome.Failed, 0m), (offer.State, offer.Outcome, offer.Paid));
        Assert.True(offer.CommitPending);
        Assert.Equal(1, _state.OffersSeen);
    }

    [Theory]
    [InlineData(10, OfferState.Arrived, SettlementOutcome.OnTime, 12.40)]
    [InlineData(20, OfferState.Arrived, SettlementOutcome.Late, 6.20)]
    [InlineData(31, OfferState.Failed, SettlementOutcome.Failed, 0)]
    public void Arrival_pays_by_the_settler_and_adds_to_the_drivers_totals(int minutesAfterAccepting, OfferState state, SettlementOutcome outcome, double paid)
    {
        var offers = Opened(out var offer);
        var accepted = T0.AddMinutes(1);
        offers.Accept(offer, accepted, "ok");
        offers.Arrive(accepted.AddMinutes(minutesAfterAccepting), Settler);

        Assert.Equal((state, outcome, (decimal)paid), (offer.State, offer.Outcome, offer.Paid));
        Assert.Equal((decimal)paid, _state.PaidTotal);
        Assert.Equal((decimal)paid, _state.Today.IncentivesPaid);
        Assert.Null(offers.Live);
        Assert.True(offer.CommitPending);
    }

    [Fact]
    public void A_ping_measured_before_the_acceptance_counts_as_arriving_at_the_acceptance()
    {
        var offers = Opened(out var offer);
        var accepted = T0.AddMinutes(2);
        offers.Accept(offer, accepted, "ok");
        offers.Arrive(accepted.AddSeconds(-30), Settler);

        Assert.Equal(accepted, offer.ArrivedAt);
        Assert.Equal(SettlementOutcome.OnTime, offer.Outcome);
    }

    [Fact]
    public void Arriving_needs_an_accepted_live_offer()
    {
        var offers = Opened(out _);
        Assert.Throws<InvalidOperationException>(() => offers.Arrive(T0.AddMinutes(1), Settler));
    }

    [Fact]
    public void Aborting_expires_an_unanswered_offer_and_fails_an_accepted_one()
    {
        var offers = Opened(out var first);
        Assert.Same(first, offers.Abort(T0.AddMinutes(1), "driver took a job"));
        Assert.Equal(OfferState.Expired, first.State);

        var second = Offer("o2");
        offers.Open(second, T0.AddMinutes(2), "deficit");
        offers.Accept(second, T0.AddMinutes(3), "ok");
        offers.Abort(T0.AddMinutes(4), "driver went offline");
        Assert.Equal((OfferState.Failed, 0m), (second.State, second.Paid));
        Assert.Throws<InvalidOperationException>(() => offers.Abort(T0.AddMinutes(5), "again"));
    }

    [Fact]
    public void The_next_due_time_is_the_live_deadline_or_sooner_while_a_settlement_is_unconfirmed()
    {
        var offers = new DriverOffers(_state, historyLimit: 10);
        Assert.Null(offers.NextDue(T0, _ => Settler, TimeSpan.FromSeconds(30)));

        var offer = Offer("o1");
        offers.Open(offer, T0, "deficit");
        Assert.Equal(offer.ReplyBy, offers.NextDue(T0, _ => Settler, TimeSpan.FromHours(1)));

        offers.Accept(offer, T0.AddMinutes(1), "ok");
        Assert.Equal(Settler.FailureDeadline(T0.AddMinutes(1)), offers.NextDue(T0.AddMinutes(1), _ => Settler, TimeSpan.FromHours(1)));

        offers.Arrive(T0.AddMinutes(5), Settler);
        Assert.Equal(T0.AddMinutes(5).AddSeconds(30), offers.NextDue(T0.AddMinutes(5), _ => Settler, TimeSpan.FromSeconds(30)));
        offers.Settled(offer);
        Assert.True(offers.HasUnconfirmed);
        offers.Told(offer);
        Assert.False(offers.HasUnconfirmed);
        Assert.Null(offers.NextDue(T0.AddMinutes(5), _ => Settler, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void History_is_bounded_but_keeps_unconfirmed_endings_and_a_restored_book_finds_the_live_offer()
    {
        var offers = new DriverOffers(_state, historyLimit: 2);
        var unsettled = Offer("o0");
        offers.Open(unsettled, T0, "deficit");
        offers.Decline(unsettled, T0, "no");
        for (var i = 1; i <= 3; i++)
        {
            var offer = Offer($"o{i}");
            offers.Open(offer, T0.AddMinutes(i), "deficit");
            offers.Decline(offer, T0.AddMinutes(i), "no");
            offers.Settled(offer);
            offers.Told(offer);
        }

        offers.Open(Offer("o4"), T0.AddMinutes(4), "deficit");

        Assert.Equal(["o0", "o4"], _state.Offers!.Select(o => o.OfferId));
        var restored = new DriverOffers(_state, historyLimit: 2);
        Assert.Equal("o4", restored.Live?.OfferId);
        Assert.Equal(["o0"], restored.Unconfirmed().Select(o => o.OfferId));
    }

    [Fact]
    public void An_offer_that_could_not_be_recorded_is_forgotten()
    {
        var offers = Opened(out var offer);
        offers.Abandon(offer);

        Assert.Null(offers.Live);
        Assert.Null(offers.Find(offer.OfferId));
        offers.Open(Offer("o2"), T0, "deficit");
    }

    private DriverOffers Opened(out OfferRecord offer)
    {
        var offers = new DriverOffers(_state, historyLimit: 10);
        offer = Offer("o1");
        offers.Open(offer, T0, "deficit");
        return offers;
    }

    private static OfferRecord Offer(string id) => new()
    {
        OfferId = id,
        CityId = "singapore",
        CampaignId = "singapore-reposition",
        Amount = 12.40m,
        Currency = "SGD",
        Day = Today,
        OfferedAt = T0,
        ReplyBy = T0.AddMinutes(3),
    };
}
