using Orleans;
namespace SupplyGrid.Grains;

/// <summary>
/// An event campaign's effect on one cell of its area: extra expected demand from <see cref="PrepositionFrom"/> until
/// <see cref="EndsAt"/> (so drivers are moved in before the event starts), a surge multiplier while the event runs,
/// and the campaign that funds the area's reposition offers meanwhile.
/// </summary>
/// <param name="CampaignId">The event campaign.</param>
/// <param name="ExtraDemand">Bookings per demand window added to the cell's expected demand.</param>
/// <param name="SurgeMultiplier">The event multiplier applied before the surge cap while the event runs.</param>
/// <param name="PrepositionFrom">When drivers start being moved into the area.</param>
/// <param name="StartsAt">When the event starts.</param>
/// <param name="EndsAt">When the event ends; the influence is dropped after it.</param>
[GenerateSerializer, Alias("supplygrid.EventInfluence"), Immutable]
public sealed record EventInfluence(
    string CampaignId,
    double ExtraDemand,
    double SurgeMultiplier,
    DateTimeOffset PrepositionFrom,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt);
