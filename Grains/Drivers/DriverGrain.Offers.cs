using Microsoft.Extensions.Logging;
using SupplyGrid.Geo;
using SupplyGrid.Grains.Configuration;
using SupplyGrid.Grains.Events;
using SupplyGrid.Grains.Messaging;
using SupplyGrid.Grains.Policies;
using SupplyGrid.Grains.Ports;
using Orleans.Runtime;

namespace SupplyGrid.Grains.Drivers;

/// <summary>
/// The offer lifecycle: offered -> accepted | declined | expired -> arrived | failed. The driver grain holds at most
/// one live offer. Every ended offer settles with its campaign (commit or release, idempotent by offer id); the
/// driver's own counters change in the same state write that records the ending, and a settlement the campaign has
/// not confirmed is retried until it is, so a crash or reactivation can neither pay twice nor leave money held.
/// </summary>
public sealed partial class DriverGrain
{
    private static readonly TimeSpan LedgerRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>Slack on top of the offer's own deadlines before the campaign lapses an unsettled reservation by itself.</summary>
    private static readonly TimeSpan ReservationSlack = TimeSpan.FromMinutes(10);

    private OfferRecord? _live;
    private IGrainTimer? _offerTimer;

    public async Task<OfferDecision> Offer(RepositionOffer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentException.ThrowIfNullOrWhiteSpace(offer.OfferId, "offer.OfferId");
        ArgumentException.ThrowIfNullOrWhiteSpace(offer.CampaignId, "offer.CampaignId");
        if (FindOffer(offer.OfferId) is { } known)
            return known.ToDecision();

        var now = Now;
        var refusal = WhyNot(offer, now.UtcTicks);
        if (refusal != OfferRefusal.None)
            return OfferDecision.Refused(offer.OfferId, refusal);

        var city = _city!;
        RollDay(now);
        var day = State.Today.Day;
        var here = new LatLng(_position.Lat, _position.Lng);
        var distanceKm = H3.GreatCircleDistanceKm(here, offer.TargetCentre);
        var profile = Performance().ToProfile();
        var tier = city.Tiers.Assess(profile);
        var replyBy = now + _options.ReplyTimeout;
        var holdUntil = replyBy + city.Incentives.FailAfter + ReservationSlack;
        var reservation = await GrainFactory.GetGrain<ICampaignGrain>(offer.CampaignId).Reserve(new ReservationRequest(
            offer.OfferId, _id, offer.TargetCell, distanceKm, offer.TargetRatio, tier.Bonus, IncentivesToday(), day, holdUntil, offer.FixedAmount));
        if (!reservation.Granted)
            return OfferDecision.Refused(offer.OfferId, Map(reservation.Refusal));

        // Nothing else ran on this grain while the campaign answered (one turn at a time), so the checks still hold.
        var amount = reservation.Quote.Amount;
        var record = new OfferRecord
        {
            OfferId = offer.OfferId,
            CityId = city.Id,
            CampaignId = offer.CampaignId,
            Origin = offer.Origin,
            VehicleId = _vehicleId!,
            TargetCell = offer.TargetCell.Value,
            TargetLat = offer.TargetCentre.Lat,
            TargetLng = offer.TargetCentre.Lng,
            TargetSupply = offer.TargetSupply,
            TargetDemand = offer.TargetDemand,
            TargetRatio = offer.TargetRatio,
            PlaceName = city.Places.Describe(offer.TargetCentre, here),
            DistanceKm = distanceKm,
            TravelMinutes = city.TravelTime.Minutes(distanceKm),
            AcceptanceProbability = city.Acceptance.Probability(profile, amount, distanceKm),
            Amount = amount,
            Currency = reservation.Quote.Currency,
            Day = day,
            OfferedAt = now,
            ReplyBy = replyBy,
        };
        record.Enter(OfferState.Offered, now, offer.Origin == OfferOrigin.Operator
            ? "offered by an operator"
            : $"cell {offer.TargetCell} ratio {offer.TargetRatio:0.00}: {reservation.Quote.Limit}");
        Remember(record);
        _live = record;
        try
        {
            await _state.WriteStateAsync();
        }
        catch
        {
            // Not recorded: give the money back now rather than at the reservation's lapse.
            _live = null;
            State.Offers!.Remove(record);
            await GrainFactory.GetGrain<ICampaignGrain>(offer.CampaignId).Release(offer.OfferId, "offer could not be recorded");
            throw;
        }

        ArmOfferTimer(now);
        await SendAsync(OfferMessages.Offered(record, _id, record.VehicleId, city, now));
        if (offer.DecisionTimestamp != 0)
            _metrics.Decision(_time.GetElapsedTime(offer.DecisionTimestamp).TotalMilliseconds);
        SendPresence(_lastPingTicks);
        Announce(record, now, responseSeconds: null);
        return record.ToDecision();
    }

    public async Task<OfferView?> Reply(string offerId, bool accept, string? reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(offerId);
        var offer = FindOffer(offerId);
        if (offer is null)
            return null;
        if (offer.State != OfferState.Offered || !ReferenceEquals(offer, _live))
            return offer.ToView();

        var now = Now;
        var city = _cities.Get(offer.CityId);
        var responseSeconds = (now - offer.OfferedAt).TotalSeconds;
        State.OffersSeen++;
        if (accept)
        {
            State.OffersAccepted++;
            offer.AcceptedAt = now;
            offer.Enter(OfferState.Accepted, now, Because("driver accepted", reason));
            await _state.WriteStateAsync();
            ArmOfferTimer(now);
            await SendAsync(OfferMessages.Confirmed(offer, _id, offer.VehicleId, city, now));
            Announce(offer, now, responseSeconds);
            return offer.ToView();
        }

        await EndAsync(offer, OfferState.Declined, now, Because("driver declined", reason), responseSeconds);
        return offer.ToView();
    }

    public async Task<OfferDecision> OfferMove(string targetCell, string? campaignId, decimal? fixedAmount)
    {
        var target = ParseCell(targetCell, nameof(targetCell));
        if (fixedAmount is { } fixedValue && fixedValue <= 0)
            throw new ArgumentOutOfRangeException(nameof(fixedAmount), fixedValue, "fixedAmount must be greater than zero.");
        var city = _cities.FindForCell(target) ?? throw new ArgumentException($"Cell {targetCell} is in no configured city at its resolution.", nameof(targetCell));
        var snapshot = await GrainFactory.GetGrain<ICellGrain>(target.ToString()).GetSnapshot();
        var now = Now;
        return await Offer(new RepositionOffer
        {
            OfferId = Guid.NewGuid().ToString("N"),
            CityId = city.Id,
            CampaignId = string.IsNullOrWhiteSpace(campaignId) ? city.PoolCampaignFor(target) : campaignId,
            TargetCell = target,
            TargetCentre = snapshot.Centre,
            TargetSupply = snapshot.Supply,
            TargetDemand = snapshot.Demand,
            TargetRatio = snapshot.Ratio,
            Origin = OfferOrigin.Operator,
            FixedAmount = fixedAmount,
            DecidedAt = now,
        });
    }

    public async Task<MdtMessage> SendBroadcast(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var vehicle = _vehicleId ?? throw new InvalidOperationException($"Driver {_id} has no known vehicle: no terminal to write to.");
        var message = OfferMessages.Broadcast(text, _id, vehicle, Now);
        await SendAsync(message);
        return message;
    }

    public async Task Award(IncentiveAward award)
    {
        var awards = State.Awards ??= [];
        foreach (var known in awards)
        {
            if (known.AwardId == award.AwardId)
                return;
        }

        awards.Add(award);
        if (awards.Count > _options.OfferHistory)
            awards.RemoveAt(0);
        var now = Now;
        RollDay(now);
        if (_city is not null && _city.LocalDay(award.At) == State.Today.Day)
            State.Today.IncentivesPaid += award.Amount;
        State.PaidTotal += award.Amount;
        await _state.WriteStateAsync();
        // The terminal shows the award when the grid knows the driver's vehicle; the award counts either way.
        if (_vehicleId is not null)
            await SendAsync(OfferMessages.Award(award, _id, _vehicleId, _city ?? _cities.All[0], now));
    }

    private OfferRefusal WhyNot(RepositionOffer offer, long nowTicks)
    {
        if (!_position.HasTrusted)
            return OfferRefusal.UnknownDriver;
        if (_city is null || !string.Equals(_city.Id, offer.CityId, StringComparison.Ordinal))
            return OfferRefusal.OutsideCity;
        if (_position.IsSuspect)
            return OfferRefusal.Suspect;
        if (!IsAvailableAt(nowTicks))
            return OfferRefusal.NotAvailable;
        if (_live is not null)
            return OfferRefusal.HasLiveOffer;
        return _cell == offer.TargetCell ? OfferRefusal.AlreadyThere : OfferRefusal.None;
    }

    private static OfferRefusal Map(CampaignRefusal refusal) => refusal switch
    {
        CampaignRefusal.CellNotTargeted => OfferRefusal.CellNotTargeted,
        CampaignRefusal.BudgetExhausted => OfferRefusal.BudgetExhausted,
        CampaignRefusal.DailyCapReached => OfferRefusal.DailyCapReached,
        CampaignRefusal.AlreadySettled => OfferRefusal.AlreadyAnswered,
        _ => OfferRefusal.CampaignNotActive,
    };

    /// <summary>After a ping: arrival in the target cell, or the end of an offer the driver can no longer take.</summary>
    private Task FollowLiveOfferAsync(DateTimeOffset pingAt, PositionVerdict verdict)
    {
        var offer = _live!;
        if (_status != DriverStatus.Available || _jobId is not null)
            return EndLiveOfferAsync($"driver is {(_jobId is not null ? "on a job" : _status.ToString().ToLowerInvariant())}");
        if (offer.State == OfferState.Accepted && verdict != PositionVerdict.Suspect && _cell == offer.Target)
            return ArriveAsync(offer, pingAt);
        return Task.CompletedTask;
    }

    /// <summary>The driver became unavailable: an unanswered offer expires, an accepted one fails.</summary>
    private Task EndLiveOfferAsync(string reason)
    {
        var offer = _live!;
        return offer.State == OfferState.Offered
            ? EndAsync(offer, OfferState.Expired, Now, reason, null)
            : EndAsync(offer, OfferState.Failed, Now, reason, null);
    }

    private Task ArriveAsync(OfferRecord offer, DateTimeOffset pingAt)
    {
        var acceptedAt = offer.AcceptedAt!.Value;
        // A ping measured before the acceptance was processed still means the driver is there now.
        var arrivedAt = pingAt < acceptedAt ? acceptedAt : pingAt;
        offer.ArrivedAt = arrivedAt;
        var city = _cities.Get(offer.CityId);
        var settlement = city.Settler.Settle(offer.Amount, acceptedAt, arrivedAt);
        var reason = settlement.Outcome switch
        {
            SettlementOutcome.OnTime => $"arrived {(arrivedAt - acceptedAt).TotalMinutes:0.0} min after accepting: full amount",
            SettlementOutcome.Late => $"arrived {(arrivedAt - acceptedAt).TotalMinutes:0.0} min after accepting: late, half",
            _ => "arrived after the failure deadline",
        };
        return EndAsync(offer, settlement.Outcome == SettlementOutcome.Failed ? OfferState.Failed : OfferState.Arrived, arrivedAt, reason, null, settlement);
    }

    /// <summary>
    /// Ends an offer: records the state, the outcome and the driver's counters in one write, then settles with the
    /// campaign (commit for arrived or failed, release for declined or expired).
    /// </summary>
    private async Task EndAsync(OfferRecord offer, OfferState state, DateTimeOffset at, string reason, double? responseSeconds,
        IncentiveSettlement? settlement = null)
    {
        var wasAccepted = offer.State == OfferState.Accepted;
        if (state is OfferState.Expired && !wasAccepted)
            State.OffersSeen++;
        offer.Enter(state, at, reason);
        if (wasAccepted)
        {
            var settled = settlement ?? new IncentiveSettlement(SettlementOutcome.Failed, 0m);
            offer.Outcome = settled.Outcome;
            offer.Paid = settled.Paid;
            if (offer.Day == State.Today.Day)
                State.Today.IncentivesPaid += settled.Paid;
            State.PaidTotal += settled.Paid;
        }

        offer.CommitPending = true;
        if (ReferenceEquals(_live, offer))
            _live = null;
        await _state.WriteStateAsync();

        var city = _cities.Get(offer.CityId);
        var now = Now;
        switch (state)
        {
            case OfferState.Declined:
                await SendAsync(OfferMessages.Declined(offer, _id, offer.VehicleId, now));
                break;
            case OfferState.Expired:
                await SendAsync(OfferMessages.Closed(offer, "expired", _id, offer.VehicleId, city, now));
                break;
            case OfferState.Failed:
                await SendAsync(OfferMessages.Closed(offer, "failed", _id, offer.VehicleId, city, now));
                break;
        }

        await SettleLedgerAsync(offer, city, now);
        ArmOfferTimer(now);
        SendPresence(_lastPingTicks);
        Announce(offer, at, responseSeconds);
    }

    /// <summary>Tells the campaign how the offer ended; on failure leaves it pending for the timer to retry.</summary>
    private async Task SettleLedgerAsync(OfferRecord offer, CityContext city, DateTimeOffset now)
    {
        var campaign = GrainFactory.GetGrain<ICampaignGrain>(offer.CampaignId);
        try
        {
            if (offer.State is OfferState.Arrived or OfferState.Failed)
                await campaign.Commit(offer.OfferId, offer.Paid, offer.Outcome ?? SettlementOutcome.Failed);
            else
                await campaign.Release(offer.OfferId, offer.State.ToString().ToLowerInvariant());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning(ex, "Settling offer {OfferId} of driver {DriverId} with campaign {CampaignId} failed; retrying later",
                offer.OfferId, _id, offer.CampaignId);
            return;
        }

        offer.CommitPending = false;
        if (offer.Paid > 0)
            await SendAsync(OfferMessages.Paid(offer, _id, offer.VehicleId, city, now));
    }

    private bool HasPendingLedger()
    {
        if (State.Offers is not { } offers)
            return false;
        foreach (var offer in offers)
        {
            if (offer.CommitPending)
                return true;
        }

        return false;
    }

    /// <summary>One timer serves the live offer's deadline and the retries of unconfirmed settlements.</summary>
    private void ArmOfferTimer(DateTimeOffset now)
    {
        DateTimeOffset? due = _live switch
        {
            { State: OfferState.Offered } offer => offer.ReplyBy,
            { State: OfferState.Accepted, AcceptedAt: { } accepted } offer => _cities.Get(offer.CityId).Settler.FailureDeadline(accepted),
            _ => null,
        };
        if (HasPendingLedger() && (due is null || now + LedgerRetryDelay < due))
            due = now + LedgerRetryDelay;
        if (due is null)
        {
            _offerTimer?.Dispose();
            _offerTimer = null;
            return;
        }

        var delay = due.Value > now ? due.Value - now : TimeSpan.Zero;
        // A driver who goes quiet after accepting must still be failed at the deadline: stay active until then.
        DelayDeactivation(delay + TimeSpan.FromMinutes(1));
        if (_offerTimer is null)
            _offerTimer = this.RegisterGrainTimer(OnOfferTimerAsync, new GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan));
        else
            _offerTimer.Change(delay, Timeout.InfiniteTimeSpan);
    }

    private async Task OnOfferTimerAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        if (_live is { State: OfferState.Offered } offered && now >= offered.ReplyBy)
        {
            await EndAsync(offered, OfferState.Expired, now, $"no reply by {OfferMessages.Clock(offered.ReplyBy, _cities.Get(offered.CityId))}", null);
        }
        else if (_live is { State: OfferState.Accepted, AcceptedAt: { } accepted } running
                 && now >= _cities.Get(running.CityId).Settler.FailureDeadline(accepted))
        {
            await EndAsync(running, OfferState.Failed, now, "no arrival before the failure deadline", null);
        }

        if (State.Offers is { } offers)
        {
            foreach (var pending in offers.ToArray())
            {
                if (pending.CommitPending)
                    await SettleLedgerAsync(pending, _cities.Get(pending.CityId), now);
            }
        }

        ArmOfferTimer(Now);
    }

    private void Remember(OfferRecord record)
    {
        var offers = State.Offers ??= [];
        offers.Add(record);
        // Keep the history bounded, but never drop an offer whose settlement is unconfirmed.
        for (var i = 0; offers.Count > _options.OfferHistory && i < offers.Count - 1;)
        {
            if (offers[i].CommitPending || offers[i].IsLive)
                i++;
            else
                offers.RemoveAt(i);
        }
    }

    private OfferRecord? FindOffer(string offerId)
    {
        if (State.Offers is not { } offers)
            return null;
        for (var i = offers.Count - 1; i >= 0; i--)
        {
            if (offers[i].OfferId == offerId)
                return offers[i];
        }

        return null;
    }

    /// <summary>Tells the target cell (arrivals still expected) and the city (KPIs), and records the history row.</summary>
    private void Announce(OfferRecord offer, DateTimeOffset at, double? responseSeconds)
    {
        _metrics.Offer(offer.State);
        _ = GrainFactory.GetGrain<ICellGrain>(offer.Target.ToString())
            .OfferProgressed(new OfferProgress(offer.OfferId, _id, offer.State, offer.AcceptanceProbability, at));
        _ = GrainFactory.GetGrain<ICityGrain>(offer.CityId).OfferReported(new OfferOutcomeReport(offer.OfferId, offer.State, at, responseSeconds));
        _analytics.OfferTransition(new OfferHistoryRow(offer.OfferId, _id, offer.CityId, offer.CampaignId, offer.Target.ToString(),
            offer.State, at, offer.Transitions[^1].Reason, offer.Amount, offer.Paid, offer.Currency));
    }

    private async Task SendAsync(MdtMessage message)
    {
        await _outbox.SendAsync(message);
    }

    private static string Because(string what, string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? what : $"{what}: {reason.Trim()}";

    private static H3Index ParseCell(string cell, string argument)
    {
        if (!H3Index.TryParse(cell, out var index) || !H3.IsValidCell(index))
            throw new ArgumentException($"'{cell}' is not an H3 cell index (lowercase hexadecimal).", argument);
        return index;
    }
}
