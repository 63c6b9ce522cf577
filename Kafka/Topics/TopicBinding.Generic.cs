using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SupplyGrid.Kafka;

/// <summary>
/// A topic whose values are JSON documents of <typeparamref name="T"/>, read with source-generated metadata straight
/// from the record bytes. Unknown properties are ignored; missing <c>required</c> properties reject the record, as
/// does a non-null answer from the validator.
/// </summary>
public sealed class TopicBinding<T> : TopicBinding
    where T : class
{
    private readonly JsonTypeInfo<T> _typeInfo;
    private readonly Func<T, string?>? _validator;

    /// <param name="typeInfo">Source-generated metadata (a <c>JsonSerializerContext</c> property) for the event type.</param>
    /// <param name="validator">Returns why an event is invalid, or null when it is fine.</param>
    /// <exception cref="ArgumentException">The topic name is not a Kafka topic name.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="typeInfo"/> is null.</exception>
    public TopicBinding(string topic, JsonTypeInfo<T> typeInfo, Func<T, string?>? validator = null)
        : base(topic)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        _typeInfo = typeInfo;
        _validator = validator;
    }

    public override Type EventType => typeof(T);

    internal override RecordRejection? Decode(ReadOnlySpan<byte> value, out object? item)
    {
        item = null;
        if (value.IsEmpty)
            return new RecordRejection(DeadLetterReason.MissingValue, "the record has no value");

        T? decoded;
        try
        {
            decoded = JsonSerializer.Deserialize(value, _typeInfo);
        }
        catch (JsonException e)
        {
            return JsonPayloadDiagnosis.Explain(value, _typeInfo, e);
        }

        if (decoded is null)
            return new RecordRejection(DeadLetterReason.SchemaMismatch, $"the value is JSON null, not a {typeof(T).Name}");

        string? invalid;
        try
        {
            invalid = _validator?.Invoke(decoded);
        }
        catch (Exception e)
        {
            return new RecordRejection(DeadLetterReason.ValidationFailed, $"the validator threw: {e.Message}", e);
        }

        if (invalid is not null)
            return new RecordRejection(DeadLetterReason.ValidationFailed, invalid);

        item = decoded;
        return null;
    }
}
