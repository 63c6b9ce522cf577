using System.Text.Json;
using SupplyGrid.Grains;
using SupplyGrid.Grains.Events;

namespace SupplyGrid.Api.Json;

// Request bodies. Every member is optional to the JSON reader so that a missing field is reported by name, with the
// other problems of the same request, instead of as a deserialization failure.

/// <summary>A point; both coordinates are required.</summary>
public sealed record PointBody
{
    public double? Lat { get; init; }

    public double? Lng { get; init; }
}

/// <summary>POST /api/accept: the driver's reply to an offer.</summary>
public sealed record AcceptBody
{
    public string? DriverId { get; init; }

    public string? OfferId { get; init; }

    /// <summary>accept (default) or decline.</summary>
    public ReplyDecision? Decision { get; init; }

    public string? Reason { get; init; }
}

/// <summary>POST /api/suggest-reposition: a cell, or a point whose cell is meant.</summary>
public sealed record SuggestRepositionBody
{
    public string? Cell { get; init; }

    public double? Lat { get; init; }

    public double? Lng { get; init; }

    /// <summary>True: send the planned offers to the drivers; false (default): only show the plan.</summary>
    public bool? Send { get; init; }
}

/// <summary>POST /api/process-event: a topic and one record value, as a producer would write it.</summary>
public sealed record ProcessEventBody
{
    public string? Topic { get; init; }

    public JsonElement? Event { get; init; }
}

/// <summary>POST /api/incentives/calculate.</summary>
public sealed record CalculateIncentiveBody
{
    public string? DriverId { get; init; }

    public string? TargetCell { get; init; }
}

/// <summary>POST /api/campaigns.</summary>
public sealed record CreateCampaignBody
{
    /// <summary>Optional; generated when absent. Creating again with the same id and definition changes nothing.</summary>
    public string? Id { get; init; }

    public string? CityId { get; init; }

    public CampaignKind? Kind { get; init; }

    public string? Name { get; init; }

    public decimal? Budget { get; init; }

    public DateTimeOffset? StartsAt { get; init; }

    public DateTimeOffset? EndsAt { get; init; }

    public IReadOnlyList<string>? TargetCells { get; init; }

    public decimal? PerDriverDailyCap { get; init; }

    public QuestBody? Quest { get; init; }

    public EventBody? Event { get; init; }
}

public sealed record QuestBody
{
    public int? RequiredTrips { get; init; }

    public decimal? Reward { get; init; }
}

public sealed record EventBody
{
    public PointBody? Venue { get; init; }

    public double? RadiusKm { get; init; }

    public double? ExpectedDemand { get; init; }

    /// <summary>ISO-8601 duration, e.g. PT1H.</summary>
    public TimeSpan? PrepositionLead { get; init; }

    public double? SurgeMultiplier { get; init; }
}

/// <summary>POST /api/send-message.</summary>
public sealed record SendMessageBody
{
    public string? DriverId { get; init; }

    public string? Text { get; init; }
}

/// <summary>POST /api/send-reposition and /api/send-incentive (the latter with a fixed amount).</summary>
public sealed record SendOfferBody
{
    public string? DriverId { get; init; }

    public string? TargetCell { get; init; }

    /// <summary>The funding campaign; absent: the city's reposition pool.</summary>
    public string? CampaignId { get; init; }

    /// <summary>Required by send-incentive, refused by send-reposition (which prices the offer).</summary>
    public decimal? Amount { get; init; }
}

/// <summary>POST /api/odrd/rank.</summary>
public sealed record OdrdRankBody
{
    /// <summary>Optional; when given it must be the city containing the pickup.</summary>
    public string? City { get; init; }

    public PointBody? Pickup { get; init; }

    public IReadOnlyList<string?>? DriverIds { get; init; }
}
