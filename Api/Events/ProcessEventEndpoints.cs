using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using SupplyGrid.Api.Configuration;
using SupplyGrid.Api.Json;
using SupplyGrid.Api.Problems;
using SupplyGrid.Api.Security;

namespace SupplyGrid.Api.Events;

/// <summary>POST /api/process-event: one event in through the same path as Kafka, answered once the grains handled it.</summary>
internal static partial class ProcessEventEndpoints
{
    private const string InvalidRecord = "invalid record: ";
    private const string JsonPath = "Path: $.";

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/process-event", ProcessAsync)
            .RequireAuthorization(ApiPolicies.Operate)
            .WithSummary("Validates an event with its topic's contract and delivers it to the grains as the Kafka pump would.")
            .WithDescription("Body: {\"topic\": \"ngp.me.vehiclecomm.driver_event\", \"event\": { ...the record value... }}. " +
                "Answers after the grain handled the event.")
            .Accepts<ProcessEventBody>("application/json")
            .Produces<ProcessEventResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status504GatewayTimeout);

    private static async Task<IResult> ProcessAsync(HttpContext http, EventInjector injector, TimeProvider time, IOptions<ApiLimitOptions> limits)
    {
        var (body, bad) = await JsonBody.ReadAsync(http, ApiJsonContext.Default.ProcessEventBody, limits.Value.MaxRequestBodyBytes);
        if (body is null)
            return bad!;
        var errors = new FieldErrors();
        if (body.Topic is null)
            errors.Add("topic", "topic is required.");
        else if (!injector.Accepts(body.Topic))
            errors.Add("topic", $"topic must be one the grid consumes: {string.Join(", ", injector.Topics)}.");
        if (body.Event is not { ValueKind: JsonValueKind.Object })
            errors.Add("event", "event is required: the record value as a JSON object.");
        if (errors.Any)
            return errors.ToResult();

        var json = Encoding.UTF8.GetBytes(body.Event!.Value.GetRawText());
        if (!injector.TryRead(body.Topic!, json, out var prepared, out var error))
        {
            errors.Add(FieldOf(error), Readable(error));
            return errors.ToResult();
        }

        if (!injector.IsHandled(prepared.Topic))
            return ApiProblems.Status(StatusCodes.Status422UnprocessableEntity, $"The event is valid, but no grain handles {prepared.Topic}.");
        await injector.DeliverAsync(prepared).WaitAsync(limits.Value.ProcessEventTimeout, http.RequestAborted);
        return TypedResults.Ok(new ProcessEventResponse(prepared.Topic, prepared.Key, time.GetUtcNow()));
    }

    /// <summary>The contract's reason without its prefix, the reader's position suffix or .NET type names.</summary>
    internal static string Readable(string error)
    {
        if (MissingMember().Match(error) is { Success: true } missing)
            return $"{missing.Groups[1].Value} is required.";
        var text = error.StartsWith(InvalidRecord, StringComparison.Ordinal) ? error[InvalidRecord.Length..] : error;
        var path = text.IndexOf(" Path: ", StringComparison.Ordinal);
        return path < 0 ? text : text[..path];
    }

    /// <summary>
    /// "invalid record: lat must be ..." is about event.lat (the contract's messages start with the field's name); JSON
    /// errors name their path ("... Path: $.status") or the missing member.
    /// </summary>
    internal static string FieldOf(string error)
    {
        if (error.StartsWith(InvalidRecord, StringComparison.Ordinal))
        {
            var name = error.AsSpan(InvalidRecord.Length);
            var end = name.IndexOf(' ');
            return "event." + (end < 0 ? name : name[..end]).ToString();
        }

        if (MissingMember().Match(error) is { Success: true } missing)
            return "event." + missing.Groups[1].Value;
        var path = error.LastIndexOf(JsonPath, StringComparison.Ordinal);
        if (path < 0)
            return "event";
        var field = error.AsSpan(path + JsonPath.Length);
        var stop = field.IndexOfAny(" |".AsSpan());
        field = (stop < 0 ? field : field[..stop]).TrimEnd('.');
        return field.IsEmpty ? "event" : "event." + field.ToString();
    }

    [GeneratedRegex("missing required properties including: '([^']+)'")]
    private static partial Regex MissingMember();
}
