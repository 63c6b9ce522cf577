using SupplyGrid.Geo;

namespace SupplyGrid.Grains.Drivers;

/// <summary>One offer as the driver grain keeps it (mutable, persisted with the driver's state).</summary>
public sealed class OfferRecord
{
    public string OfferId { get; set; } = "";

    public string CityId { get; set; } = "";

    public string CampaignId { get; set; } = "";

    public OfferOrigin Origin { get; set; }

    /// <summary>The vehicle whose terminal got the offer: every later message of the offer goes to the same terminal.</summary>
    public string VehicleId { get; set; } = "";

    public ulong TargetCell { get; set; }

    public double TargetLat { get; set; }

    public double TargetLng { get; set; }

    /// <summary>The target's smoothed figures when the offer was decided (the MDT reason figures).</summary>
    public double TargetSupply { get; set; }

    public double TargetDemand { get; set; }

    public double TargetRatio { get; set; }

    public string PlaceName { get; set; } = "";

    public double DistanceKm { get; set; }

    public double TravelMinutes { get; set; }

    public double AcceptanceProbability { get; set; }

    public decimal Amount { get; set; }

    public string Currency { get; set; } = "";

    public decimal Paid { get; set; }

    public OfferState State { get; set; }

    public SettlementOutcome? Outcome { get; set; }

    public DateOnly Day { get; set; }

    public DateTimeOffset OfferedAt { get; set; }

    public DateTimeOffset ReplyBy { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    /// <summary>Ended but the campaign has not confirmed the commit or release yet: retried until it has.</summary>
    public bool CommitPending { get; set; }

    /// <summary>
    /// Ended but the terminal's closing notice (paid, declined, expired, failed) is not confirmed delivered yet: sent
    /// again, under the same message id, until the outbox confirms it.
    /// </summary>
    public bool NoticePending { get; set; }

    public DateTimeOffset? ArrivedAt { get; set; }

    public List<OfferTransition> Transitions { get; set; } = [];

    public bool IsLive => State is OfferState.Offered or OfferState.Accepted;

    public H3Index Target => new(TargetCell);

    public LatLng TargetCentre => new(TargetLat, TargetLng);

    public void Enter(OfferState state, DateTimeOffset at, string reason)
    {
        State = state;
        Transitions.Add(new OfferTransition(state, at, reason));
    }

    public OfferView ToView() => new(OfferId, CampaignId, Target.ToString(), TargetCentre, Amount, Currency, Paid, State, Outcome,
        OfferedAt, ReplyBy, AcceptedAt, Transitions.ToArray());

    public OfferDecision ToDecision() => new(OfferId, OfferRefusal.None, Amount, Currency, AcceptanceProbability, ReplyBy);
}
