using Orleans;
namespace SupplyGrid.Grains;

/// <summary>The offer lifecycle: offered -> accepted | declined | expired; accepted -> arrived | failed.</summary>
[GenerateSerializer, Alias("supplygrid.OfferState")]
public enum OfferState
{
    /// <summary>Sent to the driver, waiting for the reply.</summary>
    Offered,

    /// <summary>The driver accepted and is on the way.</summary>
    Accepted,

    /// <summary>The driver declined (ended).</summary>
    Declined,

    /// <summary>No reply in time, or the driver became unavailable before replying (ended).</summary>
    Expired,

    /// <summary>The driver's ping entered the target cell; the incentive was settled (ended).</summary>
    Arrived,

    /// <summary>Accepted but no arrival before the failure deadline, or the driver took a job instead (ended).</summary>
    Failed,
}
