using Orleans;
namespace SupplyGrid.Grains;

/// <summary>A campaign as the API shows it.</summary>
/// <param name="Id">The campaign id.</param>
/// <param name="Definition">What was created.</param>
/// <param name="Status">Its status now.</param>
/// <param name="Currency">The city's currency.</param>
/// <param name="Spent">Committed.</param>
/// <param name="Reserved">Held for running offers.</param>
/// <param name="Remaining">Budget - spent - reserved.</param>
/// <param name="OpenReservations">Offers still holding a reservation.</param>
/// <param name="CreatedAt">When created.</param>
/// <param name="UpdatedAt">Last change of status or ledger.</param>
[GenerateSerializer, Alias("supplygrid.CampaignView"), Immutable]
public sealed record CampaignView(
    string Id,
    CampaignDefinition Definition,
    CampaignStatus Status,
    string Currency,
    decimal Spent,
    decimal Reserved,
    decimal Remaining,
    int OpenReservations,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public CampaignSummary Summary() => new(Id, Definition.CityId, Definition.Kind, Definition.Name, Status,
        Definition.Budget, Spent, Reserved, Definition.StartsAt, Definition.EndsAt);
}

/// <summary>The campaign index the city keeps (campaign to city, one-way, on every change).</summary>
[GenerateSerializer, Alias("supplygrid.CampaignSummary"), Immutable]
public readonly record struct CampaignSummary(
    string Id,
    string CityId,
    CampaignKind Kind,
    string Name,
    CampaignStatus Status,
    decimal Budget,
    decimal Spent,
    decimal Reserved,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt);
