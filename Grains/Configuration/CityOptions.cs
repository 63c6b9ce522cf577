using SupplyGrid.Grains.Policies;

namespace SupplyGrid.Grains.Configuration;

/// <summary>
/// One city (configuration section <c>Cities:{id}</c>). The defaults are Singapore's, so an unconfigured grid runs
/// Singapore and another city must set at least its name, time zone, currency and bounds.
/// </summary>
public sealed class CityOptions
{
    public string Name { get; set; } = "Singapore";

    /// <summary>IANA time zone id: local days, rush hours and forecast slots follow it.</summary>
    public string TimeZone { get; set; } = "Asia/Singapore";

    /// <summary>ISO 4217 code; must equal <c>Policies:Incentives:Currency</c>.</summary>
    public string Currency { get; set; } = "SGD";

    /// <summary>Pings and bookings inside the box belong to the city (cities must not overlap).</summary>
    public BoundsOptions Bounds { get; set; } = new();

    /// <summary>H3 resolution of the supply/demand cells (DOMAIN.md: 8, about 0.74 km²).</summary>
    public int Resolution { get; set; } = 8;

    public CellOptions Cells { get; set; } = new();

    /// <summary>How often the city publishes changed cells and KPIs to live dashboards (the brief asks for 30 s; 1 s by default).</summary>
    public TimeSpan PublishInterval { get; set; } = TimeSpan.FromSeconds(1);

    public RepositionPoolOptions RepositionPool { get; set; } = new();

    /// <summary>Named places used on terminal screens ("REPOSITION: Marina Bay"); empty: a distance and compass bearing.</summary>
    public List<PlaceOptions> Places { get; set; } = [];

    /// <summary>Average driver earnings per trip assumed for shift advice until a driver has trips of their own.</summary>
    public decimal DefaultEarningsPerTrip { get; set; } = 12m;

    /// <summary>The pure policies' settings for this city (the global <c>Policies</c> section first, then these).</summary>
    public CityPolicyOptions Policies { get; set; } = new();
}

/// <summary>A latitude/longitude box in degrees.</summary>
public sealed class BoundsOptions
{
    public double South { get; set; } = 1.15;

    public double West { get; set; } = 103.6;

    public double North { get; set; } = 1.48;

    public double East { get; set; } = 104.1;

    public bool Contains(double lat, double lng) => lat >= South && lat <= North && lng >= West && lng <= East;

    public bool Overlaps(BoundsOptions other) =>
        South <= other.North && other.South <= North && West <= other.East && other.West <= East;
}

/// <summary>How cells count and recompute (<c>Cities:{id}:Cells</c>).</summary>
public sealed class CellOptions
{
    /// <summary>How often every cell recomputes (issue: 5 s).</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A driver without a ping for this long no longer counts as supply (DOMAIN.md: 5 minutes).</summary>
    public TimeSpan PresenceTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The sliding demand window, kept in 1-minute buckets (DOMAIN.md choice: 15 minutes).</summary>
    public TimeSpan DemandWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Weight of the forecast for the next window in a cell's expected demand (DOMAIN.md: observed plus forecast,
    /// weight 1). 0 makes the cells purely reactive.
    /// </summary>
    public double ForecastWeight { get; set; } = 1.0;

    /// <summary>
    /// A cell sends its figures to its neighbours at most this often when they change (choice: 15 s, three ticks: a
    /// neighbour's count one driver off for a few seconds does not change a smoothed ratio enough to matter, and every
    /// push is a message to each of about 18 neighbours).
    /// </summary>
    public TimeSpan NeighbourPushInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A cell with figures re-sends them to its neighbours at least this often, so a reactivated neighbour learns them.</summary>
    public TimeSpan NeighbourRefresh { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A neighbour not heard from for this long is smoothed as empty.</summary>
    public TimeSpan NeighbourStaleAfter { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Most drivers one donor cell lists for a deficit cell.</summary>
    public int MaxCandidatesPerDonor { get; set; } = 20;

    /// <summary>Most donor cells asked when the search widens beyond the neighbourhood.</summary>
    public int MaxWidenedDonors { get; set; } = 12;
}

/// <summary>The city's reposition pool (<c>Cities:{id}:RepositionPool</c>): the campaign exists without being created.</summary>
public sealed class RepositionPoolOptions
{
    /// <summary>Its campaign id; null: "{city id}-reposition".</summary>
    public string? CampaignId { get; set; }

    /// <summary>Its budget, in the city's currency.</summary>
    public decimal Budget { get; set; } = 50_000m;

    /// <summary>
    /// Campaign grains the pool is split into ("{id}-0" ... when more than 1), each with an equal share of the budget
    /// and each exact on its own. Every ledger movement of a campaign is one write of its open reservations, so one
    /// grain serves a few thousand movements a second; a large fleet spreads them over shards. A cell draws on the
    /// shard its index hashes to and moves on to the next when that one is spent.
    /// </summary>
    public int Shards { get; set; } = 1;
}

/// <summary>A named place for terminal texts.</summary>
public sealed class PlaceOptions
{
    public string Name { get; set; } = "";

    public double Lat { get; set; }

    public double Lng { get; set; }

    /// <summary>Cells whose centre is within this distance carry the place's name.</summary>
    public double RadiusKm { get; set; } = 1.5;
}

/// <summary>The policies' options for one city; each is validated by its policy.</summary>
public sealed class CityPolicyOptions
{
    public SmoothingOptions Smoothing { get; set; } = new();

    public ImbalanceOptions Imbalance { get; set; } = new();

    public SurgeOptions Surge { get; set; } = new();

    public IncentiveOptions Incentives { get; set; } = new();

    public AcceptanceOptions Acceptance { get; set; } = new();

    public DriverTierOptions DriverTier { get; set; } = new();

    public TravelTimeOptions TravelTime { get; set; } = new();

    public RepositionOptions Reposition { get; set; } = new();

    public DemandForecastOptions Forecast { get; set; } = new();

    public OdrdOptions OdrdRanking { get; set; } = new();

    public ShiftAdviceOptions ShiftAdvice { get; set; } = new();
}
