using Orleans;
namespace SupplyGrid.Grains;

[GenerateSerializer, Alias("supplygrid.CampaignStatus")]
public enum CampaignStatus
{
    /// <summary>Created; the window has not started.</summary>
    Scheduled,

    /// <summary>Running: offers and awards may draw on the budget.</summary>
    Active,

    /// <summary>Stopped by an operator; running offers still settle. Resume makes it active again.</summary>
    Paused,

    /// <summary>Less than the minimum amount is left.</summary>
    Exhausted,

    /// <summary>The window is over.</summary>
    Ended,

    /// <summary>Stopped for good by an operator; running offers still settle.</summary>
    Cancelled,
}
