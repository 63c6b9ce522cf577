namespace SupplyGrid.Kafka;

/// <summary>Why a record went to the dead-letter topic (header <c>error-class</c>, counter tag <c>reason</c>).</summary>
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

    /// <summary>The record has no key, or an empty one: it names no grain.</summary>
    EmptyKey,

    /// <summary>The key is longer than <c>Kafka:MaxKeyBytes</c>.</summary>
    OversizedKey,

    /// <summary>The key is not valid UTF-8.</summary>
    InvalidKeyEncoding,

    /// <summary>The record's handler (in the grid, a grain call) failed; the wire name is kept for dead-letter readers.</summary>
    GrainFailed,
}

public static class DeadLetterReasons
{
    /// <summary>Every reason, in declaration order (index = <c>(int)reason</c>).</summary>
    public static IReadOnlyList<DeadLetterReason> All { get; } = Enum.GetValues<DeadLetterReason>();

    /// <summary>The snake_case name used in headers, metric tags and the snapshot.</summary>
    public static string WireName(this DeadLetterReason reason) => reason switch
    {
        DeadLetterReason.MalformedJson => "malformed_json",
        DeadLetterReason.MissingRequiredField => "missing_required_field",
        DeadLetterReason.SchemaMismatch => "schema_mismatch",
        DeadLetterReason.ValidationFailed => "validation_failed",
        DeadLetterReason.MissingValue => "missing_value",
        DeadLetterReason.EmptyKey => "empty_key",
        DeadLetterReason.OversizedKey => "oversized_key",
        DeadLetterReason.InvalidKeyEncoding => "invalid_key_encoding",
        DeadLetterReason.GrainFailed => "grain_failed",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "unknown dead-letter reason"),
    };
}
