namespace SupplyGrid.Kafka;

/// <summary>
/// Why a record value cannot become its topic's event (<see cref="TopicBinding.TryDecode"/>); the grid's decoder uses the
/// wire name as the dead letter's category.
/// </summary>
public enum DeadLetterReason
{
    /// <summary>The value is not well-formed JSON.</summary>
    MalformedJson,

    /// <summary>Well-formed JSON without a property the event type requires.</summary>
    MissingRequiredField,

    /// <summary>Well-formed JSON whose values do not fit the event type (a string where a number belongs, null, an array).</summary>
    SchemaMismatch,

    /// <summary>The event parsed but the topic's validator refused it (e.g. out-of-range coordinates).</summary>
    ValidationFailed,

    /// <summary>The record has no value (a tombstone or an empty payload).</summary>
    MissingValue,
}

public static class DeadLetterReasons
{
    /// <summary>The snake_case name used in dead-letter headers and metric tags.</summary>
    public static string WireName(this DeadLetterReason reason) => reason switch
    {
        DeadLetterReason.MalformedJson => "malformed_json",
        DeadLetterReason.MissingRequiredField => "missing_required_field",
        DeadLetterReason.SchemaMismatch => "schema_mismatch",
        DeadLetterReason.ValidationFailed => "validation_failed",
        DeadLetterReason.MissingValue => "missing_value",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "unknown dead-letter reason"),
    };
}
