using Orleans;
using SupplyGrid.Geo;

namespace SupplyGrid.Grains;

/// <summary>What an operator creates (POST campaigns); the grain key is the campaign id.</summary>
[GenerateSerializer, Alias("supplygrid.CampaignDefinition"), Immutable]
public sealed record CampaignDefinition
{
    public const int MaxNameLength = 100;
    public const int MaxTargetCells = 10_000;

    [Id(0)]
    public required string CityId { get; init; }

    [Id(1)]
    public required CampaignKind Kind { get; init; }

    [Id(2)]
    public required string Name { get; init; }

    /// <summary>The most the campaign may pay in total, in the city's currency.</summary>
    [Id(3)]
    public required decimal Budget { get; init; }

    [Id(4)]
    public required DateTimeOffset StartsAt { get; init; }

    /// <summary>Null: open-ended (pools only).</summary>
    [Id(5)]
    public DateTimeOffset? EndsAt { get; init; }

    /// <summary>H3 indexes (hex) the campaign covers; empty: the whole city (pools) or the event area (events).</summary>
    [Id(6)]
    public IReadOnlyList<string> TargetCells { get; init; } = [];

    /// <summary>The most one driver may receive from this campaign per local day; null: the city's daily cap.</summary>
    [Id(7)]
    public decimal? PerDriverDailyCap { get; init; }

    /// <summary>Required for quests.</summary>
    [Id(8)]
    public QuestTerms? Quest { get; init; }

    /// <summary>Required for events.</summary>
    [Id(9)]
    public EventTerms? Event { get; init; }

    /// <summary>Throws an <see cref="ArgumentException"/> whose parameter name is the offending field.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(CityId))
            throw new ArgumentException("CityId must not be empty.", nameof(CityId));
        if (!Enum.IsDefined(Kind))
            throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "Kind must be reposition_pool, quest or event.");
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > MaxNameLength)
            throw new ArgumentException($"Name must be 1 to {MaxNameLength} characters.", nameof(Name));
        if (Budget <= 0)
            throw new ArgumentOutOfRangeException(nameof(Budget), Budget, "Budget must be greater than zero.");
        if (EndsAt is { } end && end <= StartsAt)
            throw new ArgumentOutOfRangeException(nameof(EndsAt), end, "EndsAt must be after StartsAt.");
        if (EndsAt is null && Kind != CampaignKind.RepositionPool)
            throw new ArgumentException("EndsAt is required for quests and events.", nameof(EndsAt));
        if (PerDriverDailyCap is { } cap && cap <= 0)
            throw new ArgumentOutOfRangeException(nameof(PerDriverDailyCap), cap, "PerDriverDailyCap must be greater than zero.");
        ArgumentNullException.ThrowIfNull(TargetCells);
        if (TargetCells.Count > MaxTargetCells)
            throw new ArgumentException($"TargetCells may list at most {MaxTargetCells} cells.", nameof(TargetCells));
        for (var i = 0; i < TargetCells.Count; i++)
        {
            if (!H3Index.TryParse(TargetCells[i], out var cell) || !H3.IsValidCell(cell))
                throw new ArgumentException($"TargetCells[{i}] ('{TargetCells[i]}') is not an H3 cell index.", $"TargetCells[{i}]");
        }

        switch (Kind)
        {
            case CampaignKind.Quest:
                (Quest ?? throw new ArgumentException("Quest terms are required for a quest.", nameof(Quest))).Validate();
                if (TargetCells.Count == 0)
                    throw new ArgumentException("A quest needs TargetCells: the trips it counts start or end there.", nameof(TargetCells));
                break;
            case CampaignKind.Event:
                (Event ?? throw new ArgumentException("Event terms are required for an event.", nameof(Event))).Validate();
                break;
        }
    }
}

/// <summary>Complete <see cref="RequiredTrips"/> trips in the target cells within the window to earn <see cref="Reward"/> once.</summary>
[GenerateSerializer, Alias("supplygrid.QuestTerms"), Immutable]
public sealed record QuestTerms(int RequiredTrips, decimal Reward)
{
    public const int MaxRequiredTrips = 200;

    public void Validate()
    {
        if (RequiredTrips is < 1 or > MaxRequiredTrips)
            throw new ArgumentOutOfRangeException("Quest.RequiredTrips", RequiredTrips, $"Quest.RequiredTrips must be 1 to {MaxRequiredTrips}.");
        if (Reward <= 0)
            throw new ArgumentOutOfRangeException("Quest.Reward", Reward, "Quest.Reward must be greater than zero.");
    }
}

/// <summary>An event at <see cref="Venue"/>: the campaign window is the event itself.</summary>
/// <param name="Venue">Where the crowd will be.</param>
/// <param name="RadiusKm">The area around the venue whose cells the event affects.</param>
/// <param name="ExpectedDemand">Extra bookings per demand window the event brings, spread over the area's cells.</param>
/// <param name="PrepositionLead">How long before the start drivers are moved into the area.</param>
/// <param name="SurgeMultiplier">The event multiplier while the event runs (before the surge cap).</param>
[GenerateSerializer, Alias("supplygrid.EventTerms"), Immutable]
public sealed record EventTerms(LatLng Venue, double RadiusKm, double ExpectedDemand, TimeSpan PrepositionLead, double SurgeMultiplier)
{
    public const double MaxRadiusKm = 10;

    public void Validate()
    {
        if (Venue.Lat is < -90 or > 90 || !double.IsFinite(Venue.Lat))
            throw new ArgumentOutOfRangeException("Event.Venue.Lat", Venue.Lat, "Event.Venue.Lat must be in [-90, 90].");
        if (Venue.Lng is < -180 or > 180 || !double.IsFinite(Venue.Lng))
            throw new ArgumentOutOfRangeException("Event.Venue.Lng", Venue.Lng, "Event.Venue.Lng must be in [-180, 180].");
        if (!(RadiusKm > 0 && RadiusKm <= MaxRadiusKm))
            throw new ArgumentOutOfRangeException("Event.RadiusKm", RadiusKm, $"Event.RadiusKm must be greater than 0 and at most {MaxRadiusKm}.");
        if (!(ExpectedDemand >= 0 && double.IsFinite(ExpectedDemand)))
            throw new ArgumentOutOfRangeException("Event.ExpectedDemand", ExpectedDemand, "Event.ExpectedDemand must be finite and not negative.");
        if (PrepositionLead < TimeSpan.Zero || PrepositionLead > TimeSpan.FromHours(12))
            throw new ArgumentOutOfRangeException("Event.PrepositionLead", PrepositionLead, "Event.PrepositionLead must be between 0 and 12 hours.");
        if (!(SurgeMultiplier >= 1 && SurgeMultiplier <= 10))
            throw new ArgumentOutOfRangeException("Event.SurgeMultiplier", SurgeMultiplier, "Event.SurgeMultiplier must be between 1 and 10.");
    }
}
