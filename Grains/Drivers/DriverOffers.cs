using SupplyGrid.Grains.Policies;

namespace SupplyGrid.Grains.Drivers;

/// <summary>
/// A driver's offers as a state machine: offered -> accepted | declined | expired -> arrived | failed. At most one
/// offer is live. Each ending changes the driver's counters in <see cref="DriverState"/> and leaves two things owed
/// until confirmed: the settlement with its campaign and the terminal's closing notice. So a crash can neither pay
/// twice, nor leave money held, nor pay a driver who is never told. Plain and synchronous: the driver grain persists
/// the state after each transition, and does the calling and sending.
/// </summary>
public sealed class DriverOffers
{
    private readonly DriverState _state;
    private readonly int _historyLimit;

    /// <param name="state">The driver's persisted state; its offer list is kept here.</param>
    /// <param name="historyLimit">Ended and settled offers kept beyond this many are dropped, oldest first.</param>
    public DriverOffers(DriverState state, int historyLimit)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentOutOfRangeException.ThrowIfLessThan(historyLimit, 1);
        _state = state;
        _historyLimit = historyLimit;
        if (state.Offers is { Count: > 0 } offers && offers[^1].IsLive)
            Live = offers[^1];
    }

    /// <summary>The offer waiting for a reply or for the driver's arrival, if any.</summary>
    public OfferRecord? Live { get; private set; }

    /// <summary>True while some ended offer's settlement or closing notice is unconfirmed.</summary>
    public bool HasUnconfirmed => Unconfirmed().Any();

    /// <summary>The offer with this id among those kept, or null.</summary>
    public OfferRecord? Find(string offerId)
    {
        if (_state.Offers is not { } offers)
            return null;
        for (var i = offers.Count - 1; i >= 0; i--)
        {
            if (offers[i].OfferId == offerId)
                return offers[i];
        }

        return null;
    }

    /// <summary>Makes <paramref name="offer"/> the live offer, in state offered.</summary>
    public void Open(OfferRecord offer, DateTimeOffset at, string reason)
    {
        ArgumentNullException.ThrowIfNull(offer);
        if (Live is not null)
            throw new InvalidOperationException($"Offer {Live.OfferId} is still live; a driver holds one live offer at a time.");
        offer.Enter(OfferState.Offered, at, reason);
        Remember(offer);
        Live = offer;
    }

    /// <summary>Forgets an offer just opened that could not be recorded.</summary>
    public void Abandon(OfferRecord offer)
    {
        if (ReferenceEquals(Live, offer))
            Live = null;
        _state.Offers?.Remove(offer);
    }

    /// <summary>True when a reply to <paramref name="offer"/> decides it: it is the live offer and still unanswered.</summary>
    public bool AwaitsReply(OfferRecord offer) => offer.State == OfferState.Offered && ReferenceEquals(offer, Live);

    public void Accept(OfferRecord offer, DateTimeOffset at, string reason)
    {
        RequireAwaitingReply(offer);
        _state.OffersSeen++;
        _state.OffersAccepted++;
        offer.AcceptedAt = at;
        offer.Enter(OfferState.Accepted, at, reason);
    }

    public void Decline(OfferRecord offer, DateTimeOffset at, string reason)
    {
        RequireAwaitingReply(offer);
        _state.OffersSeen++;
        End(offer, OfferState.Declined, at, reason, settlement: null);
    }

    /// <summary>
    /// The driver can no longer take the live offer (a job, another status): unanswered, it expires; accepted, it
    /// fails unpaid. Returns the offer ended.
    /// </summary>
    public OfferRecord Abort(DateTimeOffset at, string reason)
    {
        var offer = Live ?? throw new InvalidOperationException("There is no live offer to end.");
        End(offer, offer.State == OfferState.Offered ? OfferState.Expired : OfferState.Failed, at, reason, settlement: null);
        return offer;
    }

    /// <summary>
    /// The live offer's deadline, if it has passed at <paramref name="now"/>: no reply by the reply-by time expires it,
    /// no arrival by the settler's failure deadline fails it. Returns the offer ended, or null when nothing was due.
    /// </summary>
    public OfferRecord? Timeout(DateTimeOffset now, IncentiveSettler settler, string noReplyReason)
    {
        ArgumentNullException.ThrowIfNull(settler);
        switch (Live)
        {
            case { State: OfferState.Offered } offered when now >= offered.ReplyBy:
                End(offered, OfferState.Expired, now, noReplyReason, settlement: null);
                return offered;
            case { State: OfferState.Accepted, AcceptedAt: { } accepted } running when now >= settler.FailureDeadline(accepted):
                End(running, OfferState.Failed, now, "no arrival before the failure deadline", settlement: null);
                return running;
            default:
                return null;
        }
    }

    /// <summary>
    /// The driver of an accepted offer is in its target cell, by a ping measured at <paramref name="pingAt"/>: the
    /// settler decides between the full amount, half (late) and nothing (past the failure deadline).
    /// </summary>
    public OfferRecord Arrive(DateTimeOffset pingAt, IncentiveSettler settler)
    {
        ArgumentNullException.ThrowIfNull(settler);
        if (Live is not { State: OfferState.Accepted, AcceptedAt: { } acceptedAt } offer)
            throw new InvalidOperationException("Only an accepted live offer can be arrived at.");
        // A ping measured before the acceptance was processed still means the driver is there now.
        var arrivedAt = pingAt < acceptedAt ? acceptedAt : pingAt;
        offer.ArrivedAt = arrivedAt;
        var settlement = settler.Settle(offer.Amount, acceptedAt, arrivedAt);
        var minutes = (arrivedAt - acceptedAt).TotalMinutes;
        var reason = settlement.Outcome switch
        {
            SettlementOutcome.OnTime => $"arrived {minutes:0.0} min after accepting: full amount",
            SettlementOutcome.Late => $"arrived {minutes:0.0} min after accepting: late, half",
            _ => "arrived after the failure deadline",
        };
        End(offer, settlement.Outcome == SettlementOutcome.Failed ? OfferState.Failed : OfferState.Arrived, arrivedAt, reason, settlement);
        return offer;
    }

    /// <summary>Ended offers whose settlement or closing notice is unconfirmed, oldest first.</summary>
    public IEnumerable<OfferRecord> Unconfirmed() => (_state.Offers ?? []).Where(o => o.CommitPending || o.NoticePending);

    /// <summary>The campaign confirmed the settlement of <paramref name="offer"/>.</summary>
    public void Settled(OfferRecord offer) => offer.CommitPending = false;

    /// <summary>The outbox confirmed the closing notice of <paramref name="offer"/> delivered.</summary>
    public void Told(OfferRecord offer) => offer.NoticePending = false;

    /// <summary>
    /// When the driver grain should next look at its offers: the live offer's deadline, or sooner, after
    /// <paramref name="retry"/>, while an ending is unconfirmed. Null when there is nothing to wait for.
    /// </summary>
    public DateTimeOffset? NextDue(DateTimeOffset now, Func<string, IncentiveSettler> settlerOfCity, TimeSpan retry)
    {
        ArgumentNullException.ThrowIfNull(settlerOfCity);
        DateTimeOffset? due = Live switch
        {
            { State: OfferState.Offered } offer => offer.ReplyBy,
            { State: OfferState.Accepted, AcceptedAt: { } accepted } offer => settlerOfCity(offer.CityId).FailureDeadline(accepted),
            _ => null,
        };
        if (HasUnconfirmed && (due is null || now + retry < due))
            due = now + retry;
        return due;
    }

    /// <summary>
    /// Ends an offer: the state, the outcome and the driver's counters change together, and the settlement with the
    /// campaign (commit for arrived or failed, release for declined or expired) and the closing notice become owed.
    /// </summary>
    private void End(OfferRecord offer, OfferState state, DateTimeOffset at, string reason, IncentiveSettlement? settlement)
    {
        var wasAccepted = offer.State == OfferState.Accepted;
        if (state is OfferState.Expired && !wasAccepted)
            _state.OffersSeen++;
        offer.Enter(state, at, reason);
        if (wasAccepted)
        {
            var settled = settlement ?? new IncentiveSettlement(SettlementOutcome.Failed, 0m);
            offer.Outcome = settled.Outcome;
            offer.Paid = settled.Paid;
            if (offer.Day == _state.Today.Day)
                _state.Today.IncentivesPaid += settled.Paid;
            _state.PaidTotal += settled.Paid;
        }

        offer.CommitPending = true;
        offer.NoticePending = true;
        if (ReferenceEquals(Live, offer))
            Live = null;
    }

    private void RequireAwaitingReply(OfferRecord offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        if (!AwaitsReply(offer))
            throw new InvalidOperationException($"Offer {offer.OfferId} is {offer.State} and not the live offer awaiting a reply.");
    }

    private void Remember(OfferRecord record)
    {
        var offers = _state.Offers ??= [];
        offers.Add(record);
        // Keep the history bounded, but never drop an offer whose settlement or closing notice is unconfirmed.
        for (var i = 0; offers.Count > _historyLimit && i < offers.Count - 1;)
        {
            if (offers[i].CommitPending || offers[i].NoticePending || offers[i].IsLive)
                i++;
            else
                offers.RemoveAt(i);
        }
    }
}
