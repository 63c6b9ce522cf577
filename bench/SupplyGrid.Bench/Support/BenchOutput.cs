using System.Globalization;
using System.Text.Json;

namespace SupplyGrid.Bench;

/// <summary>Writes one scenario result as a single JSON line (snake_case keys given by the caller).</summary>
public static class BenchOutput
{
    public static void WriteLine(IReadOnlyDictionary<string, object?> fields)
    {
        Console.Out.WriteLine(JsonSerializer.Serialize(fields));
        Console.Out.Flush();
    }

    public static int Cores => Environment.ProcessorCount;

    /// <summary>One-minute load average: how busy the shared machine was while the scenario ran.</summary>
    public static double LoadAverage() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);

    public static double PeakRssMb()
    {
        // VmHWM is the peak resident set size of this process (Linux).
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim()) / 1024.0;
        return double.NaN;
    }
}
