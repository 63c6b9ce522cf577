using Orleans;
namespace SupplyGrid.Grains;

/// <summary>A campaign's ledger in figures (GET campaign metrics).</summary>
/// <param name="Id">The campaign id.</param>
/// <param name="Status">Its status now.</param>
/// <param name="Budget">The budget.</param>
/// <param name="Spent">Committed.</param>
/// <param name="Reserved">Held for running offers.</param>
/// <param name="Remaining">Budget - spent - reserved.</param>
/// <param name="Reservations">Reservations made.</param>
/// <param name="PaidOnTime">Offers paid in full.</param>
/// <param name="PaidLate">Offers paid the late share.</param>
/// <param name="Failed">Accepted offers that never arrived (released).</param>
/// <param name="Released">Reservations released without payment (declined, expired, failed, lapsed).</param>
/// <param name="Awards">Quest or event awards paid.</param>
[GenerateSerializer, Alias("supplygrid.CampaignMetrics"), Immutable]
public sealed record CampaignMetrics(
    string Id,
    CampaignStatus Status,
    decimal Budget,
    decimal Spent,
    decimal Reserved,
    decimal Remaining,
    int Reservations,
    int PaidOnTime,
    int PaidLate,
    int Failed,
    int Released,
    int Awards);
