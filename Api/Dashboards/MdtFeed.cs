using Microsoft.AspNetCore.Http;
using SupplyGrid.Api.Cities;
using SupplyGrid.Api.Problems;
using SupplyGrid.Api.Validation;
using SupplyGrid.Grains.Messaging;

namespace SupplyGrid.Api.Dashboards;

/// <summary>
/// GET /api/dashboard/mdt/{city}?after={sequence}&amp;limit={n}: the newest MDT messages pointing into the city (and those
/// pointing nowhere, such as broadcasts), newest first. The page passes the last sequence it saw to get only new ones.
/// </summary>
internal static class MdtFeed
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static async Task<IResult> GetAsync(string city, string? after, string? limit, CityCatalog cities, RecentMdtMessages recent)
    {
        if (Known.City(cities, city) is { } problem)
            return problem;
        var errors = new FieldErrors();
        var since = Query.Int(errors, "after", after, 0, 0, int.MaxValue);
        var count = Query.Int(errors, "limit", limit, DefaultLimit, 1, MaxLimit);
        if (errors.Any)
            return errors.ToResult();

        var info = await cities.GetAsync(city);
        var last = recent.LastSequence;
        var messages = recent.Newest(since, count, m => m.Place is not { } p || CityCatalog.Contains(info, p.Lat, p.Lng))
            .Select(FeedItem.From).ToArray();
        return Results.Json(new MdtFeedPage(city, last, messages), DashboardJson.Options);
    }
}

/// <summary>The answer of GET /api/dashboard/mdt/{city}.</summary>
/// <param name="LastSequence">The newest sequence recorded in the silo (pass it as <c>after</c> next time).</param>
public sealed record MdtFeedPage(string CityId, long LastSequence, IReadOnlyList<FeedItem> Messages);

/// <summary>One MDT message as the feed shows it.</summary>
public sealed record FeedItem(
    long Sequence,
    string MessageId,
    string? OfferId,
    MdtMessageType Type,
    string DriverId,
    string VehicleId,
    string Text,
    string? TargetCell,
    string? PlaceName,
    decimal? Amount,
    string? Currency,
    DateTimeOffset Ts,
    DateTimeOffset ExpiresAt)
{
    public static FeedItem From(RecentMdtMessage recent)
    {
        var m = recent.Message;
        return new FeedItem(recent.Sequence, m.MessageId, m.OfferId, m.Type, m.DriverId, m.VehicleId, m.Text,
            m.Payload?.TargetCell, m.Payload?.PlaceName, m.Payload?.Amount, m.Payload?.Currency, m.Ts, m.ExpiresAt);
    }
}
