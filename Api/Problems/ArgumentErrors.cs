using System.Text.Json;

namespace SupplyGrid.Api.Problems;

/// <summary>An <see cref="ArgumentException"/> from the domain as a field error: the field's wire name and the message.</summary>
internal static class ArgumentErrors
{
    /// <summary>"TargetCells[2]" becomes "target_cells[2]", "Event.RadiusKm" "event.radius_km"; none is "body".</summary>
    public static string Field(string? parameter) =>
        string.IsNullOrEmpty(parameter) ? "body" : JsonNamingPolicy.SnakeCaseLower.ConvertName(parameter).Replace("._", ".", StringComparison.Ordinal);

    /// <summary>The message without the " (Parameter 'x')" and "Actual value was y." the exception appends.</summary>
    public static string Message(ArgumentException exception)
    {
        var message = exception.Message;
        var cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return cut < 0 ? message : message[..cut];
    }

    public static void AddTo(FieldErrors errors, ArgumentException exception) => errors.Add(Field(exception.ParamName), Message(exception));
}
