using Orleans;
using Orleans.Concurrency;

namespace SupplyGrid.Grains;

/// <summary>
/// One incentive campaign (key: campaign id) and its exact ledger: reserve on offer, commit on arrival, release on
/// decline or expiry, each idempotent by offer id and persisted before it answers, so spend never exceeds the budget
/// and nothing is paid twice under replays, retries and reactivation. A city's configured reposition pool exists
/// without being created.
/// </summary>
public interface ICampaignGrain : IGrainWithStringKey
{
    /// <summary>Creates the campaign; creating it again with the same definition returns it unchanged.</summary>
    Task<CampaignView> Create(CampaignDefinition definition);

    /// <summary>The campaign, or null when none was created under this id.</summary>
    Task<CampaignView?> Get();

    Task<CampaignView> Pause();

    Task<CampaignView> Resume();

    /// <summary>Stops the campaign for good; running offers still settle.</summary>
    Task<CampaignView> Cancel();

    Task<CampaignMetrics> GetMetrics();

    /// <summary>Prices the incentive with what remains and holds it for the offer.</summary>
    Task<ReservationResult> Reserve(ReservationRequest request);

    /// <summary>Pays <paramref name="paid"/> (at most the reservation) and releases the rest.</summary>
    Task<LedgerResult> Commit(string offerId, decimal paid, SettlementOutcome outcome);

    /// <summary>Returns the reservation to the budget.</summary>
    Task<LedgerResult> Release(string offerId, string reason);

    /// <summary>A completed trip (from the city), counted toward a quest.</summary>
    [OneWay]
    Task RecordTrip(QuestTrip trip);
}
