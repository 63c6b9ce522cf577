using System.Diagnostics;
using System.Globalization;

namespace SupplyGrid.Bench.Storage;

/// <summary>
/// CPU seconds spent by this process and by a PostgreSQL server (its postmaster and every child, running or exited:
/// backends, WAL writer, checkpointer), read from /proc. On a machine shared with other work, throughput says little; CPU time per
/// operation says what the work costs, whatever else runs.
/// </summary>
internal sealed class CpuMeter(int? serverProcessId)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public readonly record struct Sample(double ClientSeconds, double? ServerSeconds)
    {
        /// <summary>Microseconds of CPU per operation between <paramref name="start"/> and this sample.</summary>
        public (double Client, double? Server) PerOperationSince(Sample start, double operations) =>
            ((ClientSeconds - start.ClientSeconds) * 1e6 / operations,
                ServerSeconds - start.ServerSeconds is { } server ? server * 1e6 / operations : null);
    }

    public Sample Read() => new(Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, serverProcessId is { } pid ? ServerSeconds(pid) : null);

    private static double ServerSeconds(int postmaster)
    {
        long ticks = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
                continue;
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(directory, "stat"));
            }
            catch (IOException)
            {
                continue; // the process ended while we looked
            }

            // Fields after the command name (which may contain spaces) start after its closing parenthesis.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
            if (pid == postmaster || parent == postmaster)
                ticks += Field(11) + Field(12); // utime, stime
            // cutime, cstime: backends that have exited (the postmaster reaps them) keep counting.
            if (pid == postmaster)
                ticks += Field(13) + Field(14);

            long Field(int index) => long.Parse(fields[index], CultureInfo.InvariantCulture);
        }

        return ticks / TicksPerSecond;
    }
}
