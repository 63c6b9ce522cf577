using System.Text.Json.Nodes;
using SupplyGrid.Api.History;
using SupplyGrid.Grains;

namespace SupplyGrid.Api.Json;

// Response bodies the domain records do not already provide.

/// <summary>POST /api/process-event: the event was validated and its grains finished handling it.</summary>
public sealed record ProcessEventResponse(string Topic, string Key, DateTimeOffset HandledAt);

/// <summary>GET /api/heatmap/{city}/history: the city, minute by minute.</summary>
public sealed record CityHistoryResponse(string CityId, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<CityHistoryPoint> Points);

/// <summary>GET /api/heatmap/{city}/history/{cell}: one cell, minute by minute.</summary>
public sealed record CellHistoryResponse(string CityId, string Cell, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<CellHistoryPoint> Points);

/// <summary>GET /api/campaigns: a city's campaigns, newest first.</summary>
public sealed record CampaignListResponse(string CityId, IReadOnlyList<CampaignSummary> Campaigns);

/// <summary>GET /health/detailed.</summary>
public sealed record HealthResponse(string Status, double DurationMs, IReadOnlyDictionary<string, HealthComponent> Components);

/// <summary>One health check's outcome.</summary>
public sealed record HealthComponent(string Status, string? Description, double DurationMs, IReadOnlyDictionary<string, JsonNode?>? Data);

/// <summary>GET /health: the process is up.</summary>
public sealed record LivenessResponse(string Status);
