using SupplyGrid.Geo;
using SupplyGrid.Grains.Policies;

namespace SupplyGrid.Grains.Configuration;

/// <summary>
/// A configured city with its policies built once: every grain of the city shares them (they are immutable). Building
/// one validates the city's settings; a failure names the configuration key.
/// </summary>
public sealed class CityContext
{
    public CityContext(string id, CityOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(options);
        Id = id;
        Options = options;
        var prefix = $"{CitiesOptions.SectionName}:{id}";
        ValidateCity(prefix, options);
        TimeZone = ResolveTimeZone(prefix, options.TimeZone);
        var p = options.Policies;
        var policies = $"{prefix}:Policies";
        SettingCheck.Require(p is not null, policies, null, "must be present");
        SettingCheck.Require(string.Equals(p!.Incentives.Currency, options.Currency, StringComparison.Ordinal),
            $"{policies}:Incentives:Currency", p.Incentives.Currency, $"must equal {prefix}:Currency ({options.Currency})");
        Smoother = SettingCheck.Build($"{policies}:Smoothing", () => new NeighbourSmoother(p.Smoothing));
        Imbalance = SettingCheck.Build($"{policies}:Imbalance", () => new ImbalanceClassifier(p.Imbalance));
        Surge = SettingCheck.Build($"{policies}:Surge", () => new SurgePolicy(p.Surge, TimeZone));
        Pricer = SettingCheck.Build($"{policies}:Incentives", () => new IncentivePricer(p.Incentives, Imbalance));
        Settler = SettingCheck.Build($"{policies}:Incentives", () => new IncentiveSettler(p.Incentives));
        Tiers = SettingCheck.Build($"{policies}:DriverTier", () => new DriverTierPolicy(p.DriverTier));
        Acceptance = SettingCheck.Build($"{policies}:Acceptance", () => new AcceptancePropensityModel(p.Acceptance));
        TravelTime = SettingCheck.Build($"{policies}:TravelTime", () => new TravelTimeEstimator(p.TravelTime));
        Planner = SettingCheck.Build($"{policies}:Reposition", () => new RepositionPlanner(p.Reposition, Imbalance, TravelTime));
        Forecaster = SettingCheck.Build($"{policies}:Forecast", () => new DemandForecaster(p.Forecast));
        Ranker = SettingCheck.Build($"{policies}:OdrdRanking", () => new OdrdRanker(p.OdrdRanking, Imbalance, TravelTime));
        ShiftAdvisor = SettingCheck.Build($"{policies}:ShiftAdvice", () => new ShiftAdvisor(p.ShiftAdvice));
        Incentives = p.Incentives with { };
        Reposition = p.Reposition with { };
        Smoothing = p.Smoothing with { };
        PoolCampaignId = options.RepositionPool.CampaignId ?? $"{id}-reposition";
        var shards = options.RepositionPool.Shards;
        PoolCampaignIds = shards == 1 ? [PoolCampaignId] : Enumerable.Range(0, shards).Select(k => $"{PoolCampaignId}-{k}").ToArray();
        // Shares are rounded down to the minor unit, so together they never exceed the configured budget.
        PoolShardBudget = Math.Round(options.RepositionPool.Budget / shards, Incentives.CurrencyDecimals, MidpointRounding.ToZero);
        Places = new PlaceNames(options.Places);
        // Neighbours are the cells a cell smooths with and asks for drivers first: whichever radius is larger.
        NeighbourRadiusKm = Math.Max(Smoothing.RadiusKm, Reposition.SearchRadiusKm);
    }

    public string Id { get; }

    public CityOptions Options { get; }

    public CellOptions Cells => Options.Cells;

    public TimeZoneInfo TimeZone { get; }

    public int Resolution => Options.Resolution;

    public string Currency => Options.Currency;

    /// <summary>The reposition pool's id (its only campaign unless it is sharded).</summary>
    public string PoolCampaignId { get; }

    /// <summary>The campaign grains of the reposition pool.</summary>
    public IReadOnlyList<string> PoolCampaignIds { get; }

    /// <summary>Each pool shard's budget.</summary>
    public decimal PoolShardBudget { get; }

    public double NeighbourRadiusKm { get; }

    public NeighbourSmoother Smoother { get; }

    public ImbalanceClassifier Imbalance { get; }

    public SurgePolicy Surge { get; }

    public IncentivePricer Pricer { get; }

    public IncentiveSettler Settler { get; }

    public DriverTierPolicy Tiers { get; }

    public AcceptancePropensityModel Acceptance { get; }

    public TravelTimeEstimator TravelTime { get; }

    public RepositionPlanner Planner { get; }

    public DemandForecaster Forecaster { get; }

    public OdrdRanker Ranker { get; }

    public ShiftAdvisor ShiftAdvisor { get; }

    /// <summary>A copy of the incentive settings (caps, limits, currency decimals).</summary>
    public IncentiveOptions Incentives { get; }

    public RepositionOptions Reposition { get; }

    public SmoothingOptions Smoothing { get; }

    public PlaceNames Places { get; }

    public bool Contains(double lat, double lng) => Options.Bounds.Contains(lat, lng);

    /// <summary>The pool shard funding offers into <paramref name="cell"/>; <paramref name="skip"/> moves on to later shards.</summary>
    public string PoolCampaignFor(H3Index cell, int skip = 0)
    {
        var shards = (uint)PoolCampaignIds.Count;
        var hash = (uint)((cell.Value * 0x9E3779B97F4A7C15UL) >> 32);
        return PoolCampaignIds[(int)((hash + (uint)skip) % shards)];
    }

    /// <summary>The city's local date of an instant: the day of the daily caps and today's figures.</summary>
    public DateOnly LocalDay(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    public CityInfo Describe() => new(Id, Options.Name, Options.TimeZone, Currency, Options.Bounds.South, Options.Bounds.West,
        Options.Bounds.North, Options.Bounds.East, Resolution, Cells.TickInterval, PoolCampaignId, PoolCampaignIds);

    private static void ValidateCity(string prefix, CityOptions o)
    {
        SettingCheck.Require(!string.IsNullOrWhiteSpace(o.Name) && o.Name.Length <= 100, $"{prefix}:Name", o.Name, "must be 1 to 100 characters");
        SettingCheck.Require(o.Currency is { Length: 3 } c && c.All(char.IsAsciiLetterUpper), $"{prefix}:Currency", o.Currency, "must be a three-letter ISO 4217 code such as SGD");
        var b = o.Bounds;
        SettingCheck.Require(b is not null, $"{prefix}:Bounds", null, "must be present");
        SettingCheck.Require(b!.South is >= -90 and <= 90, $"{prefix}:Bounds:South", b.South, "must be a latitude in [-90, 90]");
        SettingCheck.Require(b.North is >= -90 and <= 90 && b.North > b.South, $"{prefix}:Bounds:North", b.North, "must be a latitude in [-90, 90] north of Bounds:South");
        SettingCheck.Require(b.West is >= -180 and <= 180, $"{prefix}:Bounds:West", b.West, "must be a longitude in [-180, 180]");
        SettingCheck.Require(b.East is >= -180 and <= 180 && b.East > b.West, $"{prefix}:Bounds:East", b.East, "must be a longitude in [-180, 180] east of Bounds:West");
        SettingCheck.Require(o.Resolution is >= 5 and <= 10, $"{prefix}:Resolution", o.Resolution, "must be an H3 resolution from 5 to 10 (cells of about 250 km² to 0.015 km²)");
        SettingCheck.Require(o.PublishInterval >= TimeSpan.FromMilliseconds(100) && o.PublishInterval <= TimeSpan.FromMinutes(5),
            $"{prefix}:PublishInterval", o.PublishInterval, "must be between 100 ms and 5 minutes");
        SettingCheck.Require(o.DefaultEarningsPerTrip >= 0, $"{prefix}:DefaultEarningsPerTrip", o.DefaultEarningsPerTrip, "must not be negative");

        var cells = $"{prefix}:Cells";
        var c2 = o.Cells;
        SettingCheck.Require(c2 is not null, cells, null, "must be present");
        SettingCheck.Require(c2!.TickInterval >= TimeSpan.FromMilliseconds(10) && c2.TickInterval <= TimeSpan.FromMinutes(10), $"{cells}:TickInterval", c2.TickInterval, "must be between 10 ms and 10 minutes");
        SettingCheck.Require(c2.PresenceTimeout > TimeSpan.Zero, $"{cells}:PresenceTimeout", c2.PresenceTimeout, "must be longer than zero");
        SettingCheck.Require(c2.DemandWindow >= TimeSpan.FromMinutes(1) && c2.DemandWindow <= TimeSpan.FromHours(2) && c2.DemandWindow.Ticks % TimeSpan.TicksPerMinute == 0,
            $"{cells}:DemandWindow", c2.DemandWindow, "must be whole minutes from 1 to 120");
        SettingCheck.Require(c2.ForecastWeight is >= 0 and <= 10, $"{cells}:ForecastWeight", c2.ForecastWeight, "must be between 0 and 10");
        SettingCheck.Require(c2.NeighbourPushInterval >= TimeSpan.Zero, $"{cells}:NeighbourPushInterval", c2.NeighbourPushInterval, "must not be negative");
        SettingCheck.Require(c2.NeighbourRefresh > c2.NeighbourPushInterval, $"{cells}:NeighbourRefresh", c2.NeighbourRefresh, "must be longer than Cells:NeighbourPushInterval");
        SettingCheck.Require(c2.NeighbourStaleAfter > c2.NeighbourRefresh, $"{cells}:NeighbourStaleAfter", c2.NeighbourStaleAfter, "must be longer than Cells:NeighbourRefresh");
        SettingCheck.Require(c2.MaxCandidatesPerDonor is >= 1 and <= 1000, $"{cells}:MaxCandidatesPerDonor", c2.MaxCandidatesPerDonor, "must be 1 to 1000");
        SettingCheck.Require(c2.MaxWidenedDonors is >= 0 and <= 200, $"{cells}:MaxWidenedDonors", c2.MaxWidenedDonors, "must be 0 to 200");

        var pool = o.RepositionPool;
        SettingCheck.Require(pool is not null, $"{prefix}:RepositionPool", null, "must be present");
        SettingCheck.Require(pool!.CampaignId is null || (pool.CampaignId.Trim().Length > 0 && pool.CampaignId.Length <= 128),
            $"{prefix}:RepositionPool:CampaignId", pool.CampaignId, "must be 1 to 128 characters when given");
        SettingCheck.Require(pool.Budget >= 0, $"{prefix}:RepositionPool:Budget", pool.Budget, "must not be negative");
        SettingCheck.Require(pool.Shards is >= 1 and <= 256, $"{prefix}:RepositionPool:Shards", pool.Shards, "must be 1 to 256");

        SettingCheck.Require(o.Places is not null, $"{prefix}:Places", null, "must be a list");
        for (var i = 0; i < o.Places!.Count; i++)
        {
            var place = o.Places[i];
            var at = $"{prefix}:Places:{i}";
            SettingCheck.Require(place is not null, at, null, "must be a place");
            SettingCheck.Require(!string.IsNullOrWhiteSpace(place!.Name) && place.Name.Length <= 64, $"{at}:Name", place.Name, "must be 1 to 64 characters");
            SettingCheck.Require(place.Lat is >= -90 and <= 90, $"{at}:Lat", place.Lat, "must be in [-90, 90]");
            SettingCheck.Require(place.Lng is >= -180 and <= 180, $"{at}:Lng", place.Lng, "must be in [-180, 180]");
            SettingCheck.Require(place.RadiusKm is > 0 and <= 50, $"{at}:RadiusKm", place.RadiusKm, "must be greater than 0 and at most 50");
        }
    }

    private static TimeZoneInfo ResolveTimeZone(string prefix, string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            throw new ArgumentException($"{prefix}:TimeZone: '{id}' is not a known time zone id (e.g. Asia/Singapore).", $"{prefix}:TimeZone", ex);
        }
    }
}
