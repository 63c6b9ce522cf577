using System.Globalization;

namespace SupplyGrid.Runtime;

/// <summary>
/// The identity of a grain: its grain type (the grain class's type name, e.g. "driver") and its key.
/// Guid and integer keys are kept in their canonical string form so that one comparison serves every kind.
/// </summary>
public readonly struct GrainId : IEquatable<GrainId>
{
    public GrainId(string type, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentNullException.ThrowIfNull(key);
        Type = type;
        Key = key;
    }

    public string Type { get; }

    public string Key { get; }

    public static GrainId Create(string type, Guid key) => new(type, key.ToString("N"));

    public static GrainId Create(string type, long key) => new(type, key.ToString(CultureInfo.InvariantCulture));

    public Guid KeyAsGuid() => Guid.TryParseExact(Key, "N", out var g)
        ? g
        : throw new InvalidOperationException($"Grain {this} does not have a Guid key.");

    public long KeyAsLong() => long.TryParse(Key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
        ? l
        : throw new InvalidOperationException($"Grain {this} does not have an integer key.");

    public bool IsDefault => Type is null;

    public bool Equals(GrainId other) =>
        string.Equals(Key, other.Key, StringComparison.Ordinal) && string.Equals(Type, other.Type, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is GrainId other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Type, Key);

    public override string ToString() => $"{Type}/{Key}";

    public static bool operator ==(GrainId left, GrainId right) => left.Equals(right);

    public static bool operator !=(GrainId left, GrainId right) => !left.Equals(right);
}
