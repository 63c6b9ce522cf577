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
/// The offer lifecycle's effects: the transitions themselves are <see cref="DriverOffers"/>; here the grain reserves
/// with the campaign, persists each transition in one state write, sends the MDT messages, settles with the campaign
/// (commit or release, idempotent by offer id; retried until confirmed) and tells the cell and the city.
/// </summary>
public sealed partial class DriverGrain
{
    private static readonly TimeSpan LedgerRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>Slack on top of the offer's own deadlines before the campaign lapses an unsettled reservation by itself.</summary>
    private static readonly TimeSpan ReservationSlack = TimeSpan.FromMinutes(10);

    private DriverOffers _offers = null!;
    private IGrainTimer? _offerTimer;

    public async Task<OfferDecision> Offer(RepositionOffer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentException.ThrowIfNullOrWhiteSpace(offer.OfferId, "offer.OfferId");
        ArgumentException.ThrowIfNullOrWhiteSpace(offer.CampaignId, "offer.CampaignId");
        if (_offers.Find(offer.OfferId) is { } known)
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
        _offers.Open(record, now, offer.Origin == OfferOrigin.Operator
            ? "offered by an operator"
            : $"cell {offer.TargetCell} ratio {offer.TargetRatio:0.00}: {reservation.Quote.Limit}");
        try
        {
            await _state.WriteStateAsync();
        }
        catch
        {
            // Not recorded: give the money back now rather than at the reservation's lapse.
            _offers.Abandon(record);
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
        var offer = _offers.Find(offerId);
        if (offer is null)
            return null;
        if (!_offers.AwaitsReply(offer))
            return offer.ToView();

        var now = Now;
        var city = _cities.Get(offer.CityId);
        var responseSeconds = (now - offer.OfferedAt).TotalSeconds;
        if (accept)
        {
            _offers.Accept(offer, now, Because("driver accepted", reason));
            await _state.WriteStateAsync();
            ArmOfferTimer(now);
            await SendAsync(OfferMessages.Confirmed(offer, _id, offer.VehicleId, city, now));
            Announce(offer, now, responseSeconds);
            return offer.ToView();
        }

        _offers.Decline(offer, now, Because("driver declined", reason));
        await EndedAsync(offer, responseSeconds);
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
        if (_offers.Live is not null)
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
        var offer = _offers.Live!;
        if (_status != DriverStatus.Available || _jobId is not null)
            return EndLiveOfferAsync($"driver is {(_jobId is not null ? "on a job" : _status.ToString().ToLowerInvariant())}");
        if (offer.State == OfferState.Accepted && verdict != PositionVerdict.Suspect && _cell == offer.Target)
            return EndedAsync(_offers.Arrive(pingAt, _cities.Get(offer.CityId).Settler), null);
        return Task.CompletedTask;
    }

    /// <summary>The driver became unavailable: an unanswered offer expires, an accepted one fails.</summary>
    private Task EndLiveOfferAsync(string reason) => EndedAsync(_offers.Abort(Now, reason), null);

    /// <summary>
    /// After <see cref="DriverOffers"/> ended an offer: records the ending, the outcome and the driver's counters in one
    /// write, then settles with the campaign and tells the driver, both until confirmed.
    /// </summary>
    private async Task EndedAsync(OfferRecord offer, double? responseSeconds)
    {
        // The settlement and the closing notice are owed from this write: a crash after it leaves them marked, and the
        // reactivated grain finishes them (DriverGrain.Endings.cs).
        await _state.WriteStateAsync();

        var now = Now;
        await ConfirmEndingAsync(offer, now);
        ArmOfferTimer(now);
        SendPresence(_lastPingTicks);
        Announce(offer, offer.Transitions[^1].At, responseSeconds);
    }

    /// <summary>
    /// One timer serves the live offer's deadline and the retries of unconfirmed endings; <paramref name="retryNow"/>
    /// confirms those at once instead of <see cref="LedgerRetryDelay"/> later.
    /// </summary>
    private void ArmOfferTimer(DateTimeOffset now, bool retryNow = false)
    {
        var due = _offers.NextDue(now, city => _cities.Get(city).Settler, retryNow ? TimeSpan.Zero : LedgerRetryDelay);
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
        if (_offers.Live is { } live
            && _offers.Timeout(now, _cities.Get(live.CityId).Settler, $"no reply by {OfferMessages.Clock(live.ReplyBy, _cities.Get(live.CityId))}") is { } ended)
        {
            await EndedAsync(ended, null);
        }

        foreach (var pending in _offers.Unconfirmed().ToArray())
            await ConfirmEndingAsync(pending, now);

        ArmOfferTimer(Now);
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
