using System.Diagnostics;

namespace SupplyGrid.Bench;

/// <summary>
/// This benchmark started again as a second process (a load generator, an Orleans client), so what it measures
/// crosses a real process boundary.
/// </summary>
internal static class SelfProcess
{
    /// <summary>Start information for this program with <paramref name="arguments"/>: the apphost, or dotnet with this assembly.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var path = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this process is unknown.");
        var start = new ProcessStartInfo(path);
        if (Path.GetFileNameWithoutExtension(path).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            start.ArgumentList.Add(typeof(SelfProcess).Assembly.Location);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        return start;
    }

    /// <summary>
    /// Runs <paramref name="start"/> to its end (stdout redirected) and returns its last stdout line, or null (with the
    /// reason on stderr) when it failed. Its stderr passes through.
    /// </summary>
    public static async Task<string?> RunForLastLineAsync(ProcessStartInfo start, string role)
    {
        start.RedirectStandardOutput = true;
        using var child = Process.Start(start) ?? throw new InvalidOperationException($"The {role} did not start.");
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        if (child.ExitCode != 0)
        {
            Console.Error.WriteLine($"the {role} exited with {child.ExitCode}");
            return null;
        }

        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
    }
}
