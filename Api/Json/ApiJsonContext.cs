using System.Text.Json.Serialization;
using SupplyGrid.Grains;
using SupplyGrid.Grains.Events;
using SupplyGrid.Grains.Messaging;
using SupplyGrid.Grains.Ports;

namespace SupplyGrid.Api.Json;

/// <summary>
/// The API's JSON, generated at compile time: snake_case names; enums as snake_case strings that reject anything
/// else; times as ISO-8601 UTC (a time without an offset is refused); durations as ISO-8601 ("PT5S"). Reading refuses
/// members the request type does not have, so a misspelt or camelCase field is named in the 400 instead of ignored.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    Converters =
    [
        typeof(UtcTimestampConverter),
        typeof(Iso8601DurationConverter),
        typeof(SnakeCaseEnumConverter<SupplyStatus>),
        typeof(SnakeCaseEnumConverter<CampaignKind>),
        typeof(SnakeCaseEnumConverter<CampaignStatus>),
        typeof(SnakeCaseEnumConverter<OfferState>),
        typeof(SnakeCaseEnumConverter<SettlementOutcome>),
        typeof(SnakeCaseEnumConverter<DriverTier>),
        typeof(SnakeCaseEnumConverter<IncentiveLimit>),
        typeof(SnakeCaseEnumConverter<OfferRefusal>),
        typeof(SnakeCaseEnumConverter<SupplyContext>),
    ])]
[JsonSerializable(typeof(AcceptBody))]
[JsonSerializable(typeof(SuggestRepositionBody))]
[JsonSerializable(typeof(ProcessEventBody))]
[JsonSerializable(typeof(CalculateIncentiveBody))]
[JsonSerializable(typeof(CreateCampaignBody))]
[JsonSerializable(typeof(SendMessageBody))]
[JsonSerializable(typeof(SendOfferBody))]
[JsonSerializable(typeof(OdrdRankBody))]
[JsonSerializable(typeof(Heatmap))]
[JsonSerializable(typeof(CityChange))]
[JsonSerializable(typeof(CityInfo))]
[JsonSerializable(typeof(IReadOnlyList<CityInfo>))]
[JsonSerializable(typeof(IReadOnlyList<Hotspot>))]
[JsonSerializable(typeof(CityMetrics))]
[JsonSerializable(typeof(DriverSuggestions))]
[JsonSerializable(typeof(OfferView))]
[JsonSerializable(typeof(RepositionPlanView))]
[JsonSerializable(typeof(ProcessEventResponse))]
[JsonSerializable(typeof(IncentiveCalculation))]
[JsonSerializable(typeof(DriverIncentives))]
[JsonSerializable(typeof(CampaignView))]
[JsonSerializable(typeof(CampaignListResponse))]
[JsonSerializable(typeof(CampaignMetrics))]
[JsonSerializable(typeof(MdtMessage))]
[JsonSerializable(typeof(OfferDecision))]
[JsonSerializable(typeof(OdrdRanking))]
[JsonSerializable(typeof(ShiftAdvice))]
[JsonSerializable(typeof(CityHistoryResponse))]
[JsonSerializable(typeof(CellHistoryResponse))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(LivenessResponse))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
