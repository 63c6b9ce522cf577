using System.Globalization;
using SupplyGrid.Grains.Configuration;
using SupplyGrid.Grains.Messaging;

namespace SupplyGrid.Grains.Drivers;

/// <summary>
/// The MDT message for each step of an offer. Message ids derive from the offer id and the step, so the same step of
/// the same offer always yields the same message id (the outbox may de-duplicate by it); the offer message's id is the
/// offer id itself, which is what the driver's reply names.
/// </summary>
internal static class OfferMessages
{
    /// <summary>How long the terminal shows a message that has no deadline of its own.</summary>
    private static readonly TimeSpan NoticeLifetime = TimeSpan.FromMinutes(10);

    public static MdtMessage Offered(OfferRecord offer, string driverId, string vehicleId, CityContext city, DateTimeOffset now) =>
        Build(offer, driverId, vehicleId, city, now, offer.Origin == OfferOrigin.Operator ? MdtMessageType.IncentiveOffer : MdtMessageType.RepositionOffer,
            offer.OfferId, offer.Amount, deadline: offer.ReplyBy, expiresAt: offer.ReplyBy);

    public static MdtMessage Confirmed(OfferRecord offer, string driverId, string vehicleId, CityContext city, DateTimeOffset now)
    {
        var acceptedAt = offer.AcceptedAt ?? now;
        return Build(offer, driverId, vehicleId, city, now, MdtMessageType.OfferConfirmed, offer.OfferId + ":confirmed", offer.Amount,
            deadline: city.Settler.ArrivalDeadline(acceptedAt), expiresAt: city.Settler.FailureDeadline(acceptedAt));
    }

    /// <summary>The offer closed without a payment: no reply in time (<paramref name="step"/> "expired") or no arrival ("failed").</summary>
    public static MdtMessage Closed(OfferRecord offer, string step, string driverId, string vehicleId, CityContext city, DateTimeOffset now) =>
        Build(offer, driverId, vehicleId, city, now, MdtMessageType.OfferExpired, $"{offer.OfferId}:{step}", offer.Amount,
            deadline: now, expiresAt: now + NoticeLifetime);

    public static MdtMessage Paid(OfferRecord offer, string driverId, string vehicleId, CityContext city, DateTimeOffset now) =>
        Build(offer, driverId, vehicleId, city, now, MdtMessageType.IncentivePaid, offer.OfferId + ":paid", offer.Paid,
            deadline: null, expiresAt: now + NoticeLifetime);

    /// <summary>The terminal has no "declined" layout: a short broadcast acknowledges the reply.</summary>
    public static MdtMessage Declined(OfferRecord offer, string driverId, string vehicleId, DateTimeOffset now) => new()
    {
        MessageId = offer.OfferId + ":declined",
        OfferId = offer.OfferId,
        DriverId = driverId,
        VehicleId = vehicleId,
        Type = MdtMessageType.Broadcast,
        Text = MdtDisplayText.ForBroadcast($"DECLINED: {offer.PlaceName}. Thanks, offer closed."),
        Ts = now,
        ExpiresAt = now + NoticeLifetime,
    };

    public static MdtMessage Award(IncentiveAward award, string driverId, string vehicleId, CityContext city, DateTimeOffset now) => new()
    {
        MessageId = award.AwardId + ":paid",
        DriverId = driverId,
        VehicleId = vehicleId,
        Type = MdtMessageType.IncentivePaid,
        Text = MdtDisplayText.ForOffer(new OfferDisplay(MdtMessageType.IncentivePaid, award.Reason, award.Amount, award.Currency), city.TimeZone),
        Payload = new MdtPayload { Amount = award.Amount, Currency = award.Currency, PlaceName = Truncate(award.Reason, MdtPayload.MaxPlaceNameLength) },
        Ts = now,
        ExpiresAt = now + NoticeLifetime,
    };

    public static MdtMessage Broadcast(string text, string driverId, string vehicleId, DateTimeOffset now) => new()
    {
        MessageId = Guid.NewGuid().ToString("N"),
        DriverId = driverId,
        VehicleId = vehicleId,
        Type = MdtMessageType.Broadcast,
        Text = MdtDisplayText.ForBroadcast(text),
        Ts = now,
        ExpiresAt = now + NoticeLifetime,
    };

    /// <summary>Whole minutes of driving, rounded up, as the terminal shows them.</summary>
    public static int DisplayMinutes(double minutes) => (int)Math.Ceiling(minutes - 1e-9);

    private static MdtMessage Build(OfferRecord offer, string driverId, string vehicleId, CityContext city, DateTimeOffset now,
        MdtMessageType type, string messageId, decimal amount, DateTimeOffset? deadline, DateTimeOffset expiresAt)
    {
        var display = new OfferDisplay(type, offer.PlaceName, amount, offer.Currency, DisplayMinutes(offer.TravelMinutes), deadline);
        return new MdtMessage
        {
            MessageId = messageId,
            OfferId = offer.OfferId,
            DriverId = driverId,
            VehicleId = vehicleId,
            Type = type,
            Text = MdtDisplayText.ForOffer(display, city.TimeZone),
            Payload = new MdtPayload
            {
                TargetCell = offer.Target.ToString(),
                PlaceName = Truncate(offer.PlaceName, MdtPayload.MaxPlaceNameLength),
                CentreLat = offer.TargetLat,
                CentreLng = offer.TargetLng,
                Amount = amount,
                Currency = offer.Currency,
                Deadline = deadline,
                Reason = new MdtReasonFigures
                {
                    Supply = Math.Round(offer.TargetSupply, 2),
                    Demand = Math.Round(offer.TargetDemand, 2),
                    Ratio = Math.Round(offer.TargetRatio, 3),
                    DistanceKm = Math.Round(offer.DistanceKm, 2),
                    TravelMinutes = Math.Round(offer.TravelMinutes, 1),
                },
            },
            Ts = now,
            ExpiresAt = expiresAt,
        };
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    public static string Clock(DateTimeOffset at, CityContext city) =>
        TimeZoneInfo.ConvertTime(at, city.TimeZone).ToString("HH:mm", CultureInfo.InvariantCulture);
}
