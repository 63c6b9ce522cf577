using System.Globalization;

namespace SupplyGrid.Bench;

/// <summary>Command-line options of the form <c>--name value</c> or bare <c>--flag</c>.</summary>
public sealed class BenchArgs
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    public BenchArgs(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal))
                throw new ArgumentException($"unexpected argument '{name}': options look like --name value");
            var hasValue = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            _values[name[2..]] = hasValue ? args[++i] : null;
        }
    }

    public bool Has(string name) => _values.ContainsKey(name);

    public string? String(string name, string? fallback = null) =>
        _values.TryGetValue(name, out var v) && v is not null ? v : fallback;

    public double Double(string name, double fallback) =>
        _values.TryGetValue(name, out var v) && v is not null
            ? double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)
            : fallback;

    public long Long(string name, long fallback) =>
        _values.TryGetValue(name, out var v) && v is not null
            ? long.Parse(v, NumberStyles.Integer, CultureInfo.InvariantCulture)
            : fallback;
}
