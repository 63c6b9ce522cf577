namespace SupplyGrid.Grains.Policies;

/// <summary>
/// One cell's forecast memory: about 2 KB (672 half-precision means, 672 byte counters and a few scalars).
/// Plain data so a grain can persist it as is; only <see cref="DemandForecaster"/> should change it.
/// </summary>
public sealed class DemandForecastState
{
    /// <summary>Exponentially weighted demand per <see cref="ForecastSlot.Index"/>. Half precision is ample for bookings per slot.</summary>
    public Half[] Means { get; set; } = new Half[ForecastSlot.SlotsPerWeek];

    /// <summary>Observations per slot, saturating at 255.</summary>
    public byte[] Counts { get; set; } = new byte[ForecastSlot.SlotsPerWeek];

    /// <summary>Exponentially weighted demand over all slots: the fallback for a time of day never seen.</summary>
    public float Level { get; set; }

    /// <summary>Slots observed in total.</summary>
    public int Observations { get; set; }

    /// <summary>Running mean absolute percentage error (as a fraction: 0.2 = 20%); meaningful once <see cref="ScoredSlots"/> &gt; 0.</summary>
    public float Mape { get; set; }

    /// <summary>Slots whose prediction was scored (had a basis and a non-zero actual).</summary>
    public int ScoredSlots { get; set; }
}
