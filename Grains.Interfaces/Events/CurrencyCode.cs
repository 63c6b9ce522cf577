namespace SupplyGrid.Grains.Events;

/// <summary>The shape of every currency field in the contracts: a three-letter ISO 4217 code such as SGD.</summary>
public static class CurrencyCode
{
    public static bool IsValid(string? value) =>
        value is { Length: 3 } && char.IsAsciiLetterUpper(value[0]) && char.IsAsciiLetterUpper(value[1]) && char.IsAsciiLetterUpper(value[2]);
}
