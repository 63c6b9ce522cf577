using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SupplyGrid.Grains.Events;

/// <summary>
/// How to read, check and write the records of one topic. The Kafka layer deserializes with <see cref="TypeInfo"/>
/// and calls <see cref="Validate"/> (e.g. <c>AddTopic(c.Topic, c.TypeInfo, c.Validate)</c>); a non-null message is the
/// dead-letter reason. <see cref="TryRead"/> does both in one call, for code outside the stream pump.
/// </summary>
public sealed class TopicContract<T> : TopicContract where T : class, ITopicRecord
{
    private readonly Func<T, string> _keyOf;

    internal TopicContract(string topic, string keyField, Func<T, string> keyOf, JsonTypeInfo<T> typeInfo,
        TimeProvider time, EventValidationOptions options, bool writtenByGrid)
        : base(topic, keyField, typeof(T), writtenByGrid)
    {
        _keyOf = keyOf;
        TypeInfo = typeInfo;
        Validate = record =>
        {
            ArgumentNullException.ThrowIfNull(record);
            return record.Validate(time.GetUtcNow(), options);
        };
    }

    /// <summary>The source-generated JSON metadata, for <see cref="JsonSerializer"/> calls in either direction.</summary>
    public JsonTypeInfo<T> TypeInfo { get; }

    /// <summary>Null when the record satisfies the contract at the current time of the grid's clock, else the reason.</summary>
    public Func<T, string?> Validate { get; }

    /// <summary>The record's key: the value of its <see cref="TopicContract.KeyField"/>.</summary>
    public string KeyOf(T record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _keyOf(record);
    }

    /// <summary>Parses and validates a record value.</summary>
    /// <param name="utf8Json">The record value.</param>
    /// <param name="record">The record, when valid.</param>
    /// <param name="error">Otherwise why not: "invalid JSON: ..." or "invalid record: ...".</param>
    public bool TryRead(ReadOnlySpan<byte> utf8Json, [NotNullWhen(true)] out T? record, [NotNullWhen(false)] out string? error)
    {
        record = null;
        T? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(utf8Json, TypeInfo);
        }
        catch (JsonException e)
        {
            error = "invalid JSON: " + Describe(e);
            return false;
        }
        if (parsed is null)
        {
            error = "invalid JSON: the value is null, expected an object";
            return false;
        }
        error = Validate(parsed);
        if (error is not null)
        {
            error = "invalid record: " + error;
            return false;
        }
        record = parsed;
        return true;
    }

    /// <summary>Validates and serializes a record for producing.</summary>
    /// <exception cref="ArgumentException">The record breaks the contract; the message says how.</exception>
    public byte[] Serialize(T record)
    {
        if (Validate(record) is { } problem)
            throw new ArgumentException($"The {RecordType.Name} breaks the {Topic} contract: {problem}.", nameof(record));
        return JsonSerializer.SerializeToUtf8Bytes(record, TypeInfo);
    }

    // The serializer adds the JSON path to its own messages but not to those our converters throw.
    private static string Describe(JsonException e) =>
        e.Path is null || e.Message.Contains("Path: ", StringComparison.Ordinal) ? e.Message : $"{e.Message} Path: {e.Path}.";
}
