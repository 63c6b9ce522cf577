using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace SupplyGrid.Geo;

/// <summary>
/// A 64-bit H3 index. Any value can be held; whether it names a cell is
/// <see cref="H3.IsValidCell"/>'s question.
/// </summary>
public readonly struct H3Index : IEquatable<H3Index>, IComparable<H3Index>
{
    private const int MaxHexDigits = 16;

    public H3Index(ulong value)
    {
        Value = value;
    }

    public ulong Value { get; }

    /// <summary>Lowercase hexadecimal without leading zeros, as h3-js prints cells.</summary>
    public override string ToString() => Value.ToString("x", CultureInfo.InvariantCulture);

    /// <summary>Parses 1 to 16 hexadecimal digits (either case, no prefix or whitespace).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is not such a number.</exception>
    public static H3Index Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryParse(text, out var index))
            throw new FormatException(
                $"'{text}' is not an H3 index: expected 1 to {MaxHexDigits} hexadecimal digits.");
        return index;
    }

    public static bool TryParse([NotNullWhen(true)] string? text, out H3Index index)
    {
        index = default;
        if (text is null || text.Length is 0 or > MaxHexDigits)
            return false;
        ulong value = 0;
        foreach (var c in text)
        {
            int digit = HexDigitValue(c);
            if (digit < 0)
                return false;
            value = (value << 4) | (uint)digit;
        }
        index = new H3Index(value);
        return true;
    }

    private static int HexDigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    public bool Equals(H3Index other) => Value == other.Value;

    public override bool Equals(object? obj) => obj is H3Index other && Equals(other);

    public override int GetHashCode() => Value.GetHashCode();

    public int CompareTo(H3Index other) => Value.CompareTo(other.Value);

    public static bool operator ==(H3Index left, H3Index right) => left.Value == right.Value;

    public static bool operator !=(H3Index left, H3Index right) => left.Value != right.Value;

    public static bool operator <(H3Index left, H3Index right) => left.Value < right.Value;

    public static bool operator >(H3Index left, H3Index right) => left.Value > right.Value;

    public static bool operator <=(H3Index left, H3Index right) => left.Value <= right.Value;

    public static bool operator >=(H3Index left, H3Index right) => left.Value >= right.Value;
}
