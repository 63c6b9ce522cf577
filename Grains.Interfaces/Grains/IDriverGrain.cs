using SupplyGrid.Grains.Events;
using SupplyGrid.Grains.Messaging;
using Orleans;
using Orleans.Concurrency;

namespace SupplyGrid.Grains;

/// <summary>
/// One driver (key: driver id). Fed by the driver-keyed topics (driver_event, dispatch_job, upload_trip,
/// driver_real_performance, message_reply) through the OnNextAsync overloads below; holds position, status, cell, today's
/// figures and at most one live offer, and is the arbiter of every offer made to its driver.
/// </summary>
public interface IDriverGrain : IGrainWithStringKey
{
    /// <summary>A GPS ping with the driver's status (driver_event). Stale and out-of-order pings change nothing.</summary>
    Task OnNextAsync(DriverEvent ping);

    /// <summary>A job assigned to, or moved on by, the driver (dispatch_job).</summary>
    Task OnNextAsync(DispatchJob job);

    /// <summary>A completed trip (upload_trip): earnings, and quest progress.</summary>
    Task OnNextAsync(UploadTrip trip);

    /// <summary>The driver's acceptance, cancellation, rating and online hours (driver_real_performance).</summary>
    Task OnNextAsync(DriverRealPerformance performance);

    /// <summary>The driver's reply to an MDT message (message_reply).</summary>
    Task OnNextAsync(MessageReply reply);

    /// <summary>
    /// A cell (or an operator) asks to offer the driver a move. The grain refuses when the driver is not available, is
    /// suspect, already holds a live offer, or the campaign cannot fund it; otherwise it reserves the incentive, sends
    /// the MDT offer and starts the reply timer. Idempotent by offer id.
    /// </summary>
    Task<OfferDecision> Offer(RepositionOffer offer);

    /// <summary>
    /// The driver's reply to an offer (POST /api/accept; the message_reply stream arrives here too). Returns the offer
    /// after the reply, or null when the driver has no such offer. A reply to an offer that is no longer waiting for
    /// one changes nothing.
    /// </summary>
    Task<OfferView?> Reply(string offerId, bool accept, string? reason);

    /// <summary>
    /// An operator's move offer (POST /api/send-reposition, /api/send-incentive): the grain reads the target cell's
    /// figures and offers the move, funded by <paramref name="campaignId"/> (null: the city's reposition pool), at
    /// <paramref name="fixedAmount"/> (null: priced by the incentive policy).
    /// </summary>
    Task<OfferDecision> OfferMove(string targetCell, string? campaignId, decimal? fixedAmount);

    /// <summary>Free text to the driver's terminal (POST /api/send-message); returns the message sent.</summary>
    Task<MdtMessage> SendBroadcast(string text);

    /// <summary>A campaign paid the driver outside an offer (a quest); paid once per award id.</summary>
    [OneWay]
    Task Award(IncentiveAward award);

    /// <summary>What the grid knows about the driver.</summary>
    [ReadOnly]
    Task<DriverView> GetView();

    /// <summary>Today's incentives, the cap, and recent offers and awards (GET /api/incentives/{driverId}).</summary>
    [ReadOnly]
    Task<DriverIncentives> GetIncentives();

    /// <summary>Nearby deficit cells worth driving to, and the live offer (GET /api/suggestions/{driverId}).</summary>
    Task<DriverSuggestions> GetSuggestions(int max);

    /// <summary>What a move to <paramref name="targetCell"/> would pay the driver now; nothing is reserved.</summary>
    Task<IncentiveCalculation> CalculateIncentive(string targetCell);

    /// <summary>The best hours of the next <paramref name="days"/> days in the driver's usual area.</summary>
    Task<ShiftAdvice> GetShiftAdvice(int days);

    /// <summary>Position, availability and record for the ODRD ranking; interleaves so a busy grain answers at once.</summary>
    [AlwaysInterleave]
    Task<DispatchFacts> GetDispatchFacts();
}
