using Microsoft.Extensions.Logging;
using SupplyGrid.Grains.Configuration;
using SupplyGrid.Grains.Messaging;
using SupplyGrid.Grains.Policies;
using SupplyGrid.Grains.Ports;

namespace SupplyGrid.Grains.Drivers;

/// <summary>
/// Confirming an ended offer: the campaign's settlement and the terminal's closing notice. Both are owed from the
/// state write that records the ending (<see cref="DriverOffers"/> marks them) and each is cleared, and stored, only
/// once confirmed: the campaign answered, the outbox reported the notice durable
/// (<see cref="IMdtOutbox.DeliverAsync"/>), not merely queued. A notice queued in a producer dies with the process, so
/// clearing it on queueing would let a crash pay a driver who is never told. Until confirmed the offer timer repeats
/// them, at once after a reactivation; repeats are harmless, the campaign being idempotent by offer id and the notice's
/// message id fixed by offer and step. Because the turn that ended the offer waits for both, the event that ended it
/// is not acknowledged upstream (its Kafka offset not committed) before they are confirmed: a crash replays it and
/// so reactivates the grain.
/// </summary>
public sealed partial class DriverGrain
{
    /// <summary>Settles and tells what is still unconfirmed about <paramref name="offer"/>, then stores what got confirmed.</summary>
    private async Task ConfirmEndingAsync(OfferRecord offer, DateTimeOffset now)
    {
        var city = _cities.Get(offer.CityId);
        var wasUnconfirmed = offer.CommitPending || offer.NoticePending;
        // A payment is told only once the campaign has booked it; an ending without one is told first.
        var tellsPayment = offer.State == OfferState.Arrived;
        if (offer.NoticePending && !tellsPayment)
            await TellEndingAsync(offer, city, now);
        if (offer.CommitPending)
            await SettleLedgerAsync(offer);
        if (offer.NoticePending && tellsPayment && !offer.CommitPending)
            await TellEndingAsync(offer, city, now);

        if (!wasUnconfirmed || offer.CommitPending || offer.NoticePending)
            return;
        try
        {
            await _state.WriteStateAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Both are done; until a later write stores that, a reactivation only repeats them (harmless, see above).
            _logger.LogWarning(ex, "Storing the confirmed ending of offer {OfferId} of driver {DriverId} failed", offer.OfferId, _id);
        }
    }

    /// <summary>Tells the campaign how the offer ended; on failure leaves it pending for the timer to retry.</summary>
    private async Task SettleLedgerAsync(OfferRecord offer)
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

        _offers.Settled(offer);
    }

    /// <summary>Delivers the offer's closing notice; on failure leaves it pending for the timer to retry.</summary>
    private async Task TellEndingAsync(OfferRecord offer, CityContext city, DateTimeOffset now)
    {
        var notice = ClosingNotice(offer, city, now);
        if (notice is not null)
        {
            try
            {
                await _outbox.DeliverAsync(notice);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogWarning(ex, "Telling driver {DriverId} how offer {OfferId} ended failed; retrying later", _id, offer.OfferId);
                return;
            }
        }

        _offers.Told(offer);
    }

    /// <summary>The terminal's message for how the offer ended; none for an arrival that earned nothing.</summary>
    private MdtMessage? ClosingNotice(OfferRecord offer, CityContext city, DateTimeOffset now) => offer.State switch
    {
        OfferState.Declined => OfferMessages.Declined(offer, _id, offer.VehicleId, now),
        OfferState.Expired => OfferMessages.Closed(offer, "expired", _id, offer.VehicleId, city, now),
        OfferState.Failed => OfferMessages.Closed(offer, "failed", _id, offer.VehicleId, city, now),
        OfferState.Arrived when offer.Paid > 0 => OfferMessages.Paid(offer, _id, offer.VehicleId, city, now),
        _ => null,
    };
}
