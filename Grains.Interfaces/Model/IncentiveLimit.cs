using Orleans;
namespace SupplyGrid.Grains;

/// <summary>What, if anything, moved the amount away from base + distance + urgency + tier.</summary>
[GenerateSerializer, Alias("supplygrid.IncentiveLimit")]
public enum IncentiveLimit
{
    /// <summary>The sum was paid as is.</summary>
    None,

    /// <summary>The sum was below the minimum and was raised to it.</summary>
    RaisedToMinimum,

    /// <summary>The sum was above the maximum and was cut to it.</summary>
    CappedAtMaximum,

    /// <summary>Cut to what remains of the campaign's budget.</summary>
    LimitedByBudget,

    /// <summary>Cut to what remains of the driver's daily cap.</summary>
    LimitedByDailyCap,

    /// <summary>No offer: the campaign's remaining budget is below the minimum amount.</summary>
    BudgetExhausted,

    /// <summary>No offer: the driver's remaining daily allowance is below the minimum amount.</summary>
    DailyCapReached,
}
