using Orleans;
namespace SupplyGrid.Grains;

/// <summary>A city's configuration as the API shows it.</summary>
/// <param name="Id">The city id (e.g. "singapore").</param>
/// <param name="Name">Display name.</param>
/// <param name="TimeZone">IANA time zone id (e.g. "Asia/Singapore").</param>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="South">Southern edge of the bounding box, degrees.</param>
/// <param name="West">Western edge.</param>
/// <param name="North">Northern edge.</param>
/// <param name="East">Eastern edge.</param>
/// <param name="Resolution">H3 resolution of the supply/demand cells.</param>
/// <param name="TickInterval">How often every cell recomputes.</param>
/// <param name="RepositionCampaignId">The pool funding reposition offers outside event areas.</param>
/// <param name="RepositionCampaignIds">The pool's campaign grains (one, or its shards).</param>
[GenerateSerializer, Alias("supplygrid.CityInfo"), Immutable]
public sealed record CityInfo(
    string Id,
    string Name,
    string TimeZone,
    string Currency,
    double South,
    double West,
    double North,
    double East,
    int Resolution,
    TimeSpan TickInterval,
    string RepositionCampaignId,
    IReadOnlyList<string> RepositionCampaignIds);
