using SupplyGrid.Geo;
using SupplyGrid.Grains.Events;
using SupplyGrid.Grains.Messaging;

namespace SupplyGrid.Simulator;

/// <summary>
/// The drivers' side of the MDT terminal: offers are answered after a short delay, accepted with the
/// <see cref="OfferAcceptanceModel"/> probability, and an accepted offer sends the driver to the target. Payments
/// are tallied once per message id.
/// </summary>
public sealed partial class CitySimulation
{
    private readonly double _offerReplyMin;
    private readonly double _offerReplyMax;
    private readonly HashSet<string> _offerMessagesSeen = new(StringComparer.Ordinal);
    private readonly HashSet<string> _paymentsSeen = new(StringComparer.Ordinal);

    /// <summary>
    /// Sends a free driver (idle or cruising) to <paramref name="target"/> as a fleet directive, without an offer or
    /// an incentive: the tool of a baseline policy that moves drivers itself. The driver follows the same rules as a
    /// repositioning driver. Call it between steps.
    /// </summary>
    /// <returns>False when the driver is not free.</returns>
    /// <exception cref="ArgumentException">No driver has that id.</exception>
    public bool DirectDriver(string driverId, LatLng target)
    {
        ArgumentNullException.ThrowIfNull(driverId);
        Guard.Point(target);
        if (!_driverIndex.TryGetValue(driverId, out int index))
            throw new ArgumentException($"No driver '{driverId}' in this simulation.", nameof(driverId));
        if (_advancing)
            throw new InvalidOperationException("DirectDriver must be called between steps, not from the sink or the dispatcher.");
        var d = _drivers[index];
        if (!d.Phase.IsFree())
            return false;
        _metrics.Directives++;
        StartReposition(d, _city.Land.NearestLandToward(d.PositionAt(_now), target), offerKey: null);
        return true;
    }

    private void DrainInbox()
    {
        while (_inbox.TryDequeue(out var message))
            Receive(message);
    }

    private void Receive(MdtMessage message)
    {
        if (!_driverIndex.TryGetValue(message.DriverId, out int index))
        {
            _metrics.UnknownDriverMessages++;
            return;
        }
        var d = _drivers[index];
        switch (message.Type)
        {
            case MdtMessageType.RepositionOffer or MdtMessageType.IncentiveOffer:
                ReceiveOffer(d, message);
                break;
            case MdtMessageType.OfferExpired:
                ReceiveExpiry(d, message.OfferId ?? message.MessageId);
                break;
            case MdtMessageType.IncentivePaid:
                if (message.Payload?.Amount is { } amount && _paymentsSeen.Add(message.MessageId))
                {
                    _metrics.IncentivePaid += amount;
                    _metrics.IncentivePayments++;
                }
                break;
            default:
                // A confirmation or a broadcast asks nothing of the driver.
                break;
        }
    }

    private void ReceiveOffer(SimDriver d, MdtMessage message)
    {
        if (!_offerMessagesSeen.Add(message.MessageId))
            return;
        _metrics.OffersReceived++;
        if (!d.Online)
        {
            _metrics.OffersUnanswered++;
            return;
        }
        if (TargetOf(message.Payload) is not { } target)
        {
            Reply(d, message.MessageId, ReplyDecision.Decline, "no_target");
            return;
        }
        if (d.ReplyPending || (d.Phase == DriverPhase.Repositioning && d.ActiveOfferKey is not null))
        {
            Reply(d, message.MessageId, ReplyDecision.Decline, "has_offer");
            return;
        }
        d.ReplyPending = true;
        d.OfferGeneration++;
        d.PendingOfferKey = message.OfferId ?? message.MessageId;
        d.PendingMessageId = message.MessageId;
        d.PendingTarget = target;
        d.PendingAmount = message.Payload?.Amount ?? 0;
        d.PendingDeadline = message.Payload?.Deadline ?? message.ExpiresAt;
        _queue.Push(After(d.Random.Uniform(_offerReplyMin, _offerReplyMax)), SimEventKind.OfferReply, d.Index, d.OfferGeneration);
    }

    private void OnOfferReply(SimDriver d, int offerGeneration)
    {
        if (offerGeneration != d.OfferGeneration || !d.ReplyPending)
            return;
        d.ReplyPending = false;
        if (!d.Online || d.PendingDeadline?.UtcTicks < _now)
        {
            _metrics.OffersUnanswered++;
            return;
        }
        string messageId = d.PendingMessageId!;
        if (!d.Phase.IsFree())
        {
            Reply(d, messageId, ReplyDecision.Decline, d.Phase == DriverPhase.Break ? "on_break" : "busy");
            return;
        }
        var position = d.PositionAt(_now);
        var target = _city.Land.NearestLandToward(position, d.PendingTarget);
        double km = GeoMath.DistanceKm(position, target);
        if (d.Random.Chance(_acceptance.Probability(d.PendingAmount, km, d.OfferBias)))
        {
            Reply(d, messageId, ReplyDecision.Accept, reason: null);
            StartReposition(d, target, d.PendingOfferKey);
        }
        else
        {
            Reply(d, messageId, ReplyDecision.Decline, _acceptance.DeclineReason(km));
        }
    }

    /// <summary>The grid closed the offer: an unanswered one is dropped, a driver still on the way stops.</summary>
    private void ReceiveExpiry(SimDriver d, string offerKey)
    {
        if (d.ReplyPending && d.PendingOfferKey == offerKey)
        {
            d.ReplyPending = false;
            d.OfferGeneration++;
            _metrics.OffersUnanswered++;
        }
        else if (d.Phase == DriverPhase.Repositioning && d.ActiveOfferKey == offerKey)
        {
            AbandonReposition(d);
            BecomeIdle(d, IdleSeconds(d));
        }
    }

    private void StartReposition(SimDriver d, LatLng target, string? offerKey)
    {
        d.ActiveOfferKey = offerKey;
        d.RepositionTarget = target;
        StopRoute(d);
        SetPhase(d, DriverPhase.Repositioning);
        StartRoute(d, target, RoadSpeedNow());
    }

    /// <summary>Counts an accepted offer given up before arrival; the caller decides what the driver does next.</summary>
    private void AbandonReposition(SimDriver d)
    {
        if (d.Phase == DriverPhase.Repositioning && d.ActiveOfferKey is not null)
            _metrics.OffersAbandoned++;
        d.ActiveOfferKey = null;
    }

    private void Reply(SimDriver d, string messageId, ReplyDecision decision, string? reason)
    {
        if (decision == ReplyDecision.Accept)
            _metrics.OffersAccepted++;
        else
            _metrics.OffersDeclined++;
        _sink.Publish(new MessageReply
        {
            EventId = _ids.NextEvent(),
            Ts = NowOffset,
            MessageId = messageId,
            DriverId = d.Id,
            Decision = decision,
            Reason = reason,
        });
    }

    /// <summary>The payload's centre, or the centre of its target cell; null when it names neither.</summary>
    private static LatLng? TargetOf(MdtPayload? payload)
    {
        if (payload is null)
            return null;
        if (payload.CentreLat is { } lat && payload.CentreLng is { } lng)
            return new LatLng(lat, lng);
        if (payload.TargetCell is { } text && H3Index.TryParse(text, out var cell) && H3.IsValidCell(cell))
            return H3.CellToLatLng(cell);
        return null;
    }
}
