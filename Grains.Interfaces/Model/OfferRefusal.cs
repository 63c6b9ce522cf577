using Orleans;
namespace SupplyGrid.Grains;

/// <summary>Why a driver grain did not make an offer it was asked to make.</summary>
[GenerateSerializer, Alias("supplygrid.OfferRefusal")]
public enum OfferRefusal
{
    /// <summary>The offer was made.</summary>
    None,

    /// <summary>The driver has never sent a usable ping.</summary>
    UnknownDriver,

    /// <summary>Busy, on a trip, offline, on a break, or the position is stale.</summary>
    NotAvailable,

    /// <summary>The last position was an impossible jump.</summary>
    Suspect,

    /// <summary>The driver is in no configured city, or in another city than the target.</summary>
    OutsideCity,

    /// <summary>The driver already holds another live offer.</summary>
    HasLiveOffer,

    /// <summary>This offer id was already answered.</summary>
    AlreadyAnswered,

    /// <summary>The driver is already in the target cell.</summary>
    AlreadyThere,

    /// <summary>The funding campaign does not exist or is not active.</summary>
    CampaignNotActive,

    /// <summary>The funding campaign does not cover the target cell.</summary>
    CellNotTargeted,

    /// <summary>The campaign's remaining budget is below the minimum amount.</summary>
    BudgetExhausted,

    /// <summary>The driver's remaining daily allowance is below the minimum amount.</summary>
    DailyCapReached,
}
