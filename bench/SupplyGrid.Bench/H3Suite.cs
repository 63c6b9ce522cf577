using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using SupplyGrid.Geo;

namespace SupplyGrid.Bench;

/// <summary>
/// SupplyGrid.Geo's H3 against h3-js (the reference, run in node on the same points):
/// LatLngToCell, CellToLatLng and GridDisk(k = 2) at resolution 9 over random Singapore points,
/// single-threaded.
/// </summary>
/// <remarks>
/// Passes alternate between this process and node so that both see the same machine load, and
/// each figure is the fastest pass after a warm-up pass: on a machine shared with other work
/// that is the most stable measure of each side's own speed.
/// Options: --points (1,000,000), --disk-points (200,000: GridDisk runs on the cells of the
/// first N points), --passes (10), --res (9), --seed.
/// </remarks>
public sealed class H3Suite : IBenchSuite
{
    private const double SouthLat = 1.16, NorthLat = 1.48, WestLng = 103.59, EastLng = 104.05;
    private const int DiskK = 2;

    public string Name => "h3";

    public async Task<int> RunAsync(BenchArgs args)
    {
        int pointCount = checked((int)args.Long("points", 1_000_000));
        int diskCount = checked((int)Math.Min(args.Long("disk-points", 200_000), pointCount));
        int passes = checked((int)args.Long("passes", 10));
        int res = checked((int)args.Long("res", 9));
        int seed = checked((int)args.Long("seed", 20260101));
        if (pointCount <= 0 || diskCount <= 0 || passes <= 0 || res is < 0 or > H3.MaxResolution)
        {
            Console.Error.WriteLine("h3: --points, --disk-points and --passes must be positive and --res 0..15");
            return 2;
        }

        var (lats, lngs) = SingaporePoints(pointCount, seed);
        var cells = new H3Index[pointCount];
        var diskBuffer = new H3Index[H3.MaxGridDiskSize(DiskK)];
        await using var reference = await ReferenceProcess.TryStartAsync(lats, lngs, res, diskCount);

        var latLngToCell = await MeasureAsync(passes, pointCount, () => EncodeAll(lats, lngs, res, cells), reference, "latLngToCell");
        var cellToLatLng = await MeasureAsync(passes, pointCount, () => DecodeAll(cells), reference, "cellToLatLng");
        var gridDisk = await MeasureAsync(passes, diskCount, () => DisksOf(cells, diskCount), reference, "gridDisk");
        var gridDiskSpan = await MeasureAsync(passes, diskCount, () => DisksInto(cells, diskCount, diskBuffer), reference, "gridDisk");

        if (reference is not null)
        {
            string theirs = await reference.ChecksumAsync();
            if (theirs != Checksum(cells))
            {
                Console.Error.WriteLine($"h3: h3-js computed different cells (checksum {theirs}, ours {Checksum(cells)})");
                return 1;
            }
        }

        Write($"latLngToCell_res{res}", latLngToCell);
        Write($"cellToLatLng_res{res}", cellToLatLng);
        Write($"gridDisk_k{DiskK}_res{res}", gridDisk);
        Write($"gridDisk_k{DiskK}_res{res}_span", gridDiskSpan);
        return 0;
    }

    private static H3Index[] EncodeAll(double[] lats, double[] lngs, int res, H3Index[] cells)
    {
        for (int i = 0; i < cells.Length; i++)
            cells[i] = H3.LatLngToCell(lats[i], lngs[i], res);
        return cells;
    }

    private static double DecodeAll(H3Index[] cells)
    {
        double sum = 0;
        for (int i = 0; i < cells.Length; i++)
            sum += H3.CellToLatLng(cells[i]).Lat;
        return sum;
    }

    private static long DisksOf(H3Index[] cells, int count)
    {
        long sum = 0;
        for (int i = 0; i < count; i++)
            sum += H3.GridDisk(cells[i], DiskK).Length;
        return sum;
    }

    private static long DisksInto(H3Index[] cells, int count, H3Index[] buffer)
    {
        long sum = 0;
        for (int i = 0; i < count; i++)
            sum += H3.GridDisk(cells[i], DiskK, buffer);
        return sum;
    }

    private static (double[] Lats, double[] Lngs) SingaporePoints(int count, int seed)
    {
        var random = new Random(seed);
        var lats = new double[count];
        var lngs = new double[count];
        for (int i = 0; i < count; i++)
        {
            lats[i] = SouthLat + random.NextDouble() * (NorthLat - SouthLat);
            lngs[i] = WestLng + random.NextDouble() * (EastLng - WestLng);
        }
        return (lats, lngs);
    }

    /// <summary>Fastest-pass operations per second of ours and (if running) the reference's.</summary>
    /// <param name="run">One pass; its result is kept alive so the work cannot be elided.</param>
    private static async Task<Figures> MeasureAsync<T>(
        int passes, int operations, Func<T> run, ReferenceProcess? reference, string referenceCommand)
    {
        double ours = double.MaxValue, theirs = double.MaxValue;
        for (int pass = 0; pass <= passes; pass++)
        {
            long start = Stopwatch.GetTimestamp();
            GC.KeepAlive(run());
            double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            double? referenceSeconds = reference is null ? null : await reference.RunPassAsync(referenceCommand);

            // Pass 0 warms up both sides (JIT tiers, caches) and is not counted.
            if (pass == 0)
                continue;
            ours = Math.Min(ours, seconds);
            if (referenceSeconds is { } s)
                theirs = Math.Min(theirs, s);
        }
        return new Figures(operations / ours, reference is null ? null : operations / theirs);
    }

    private static string Checksum(H3Index[] cells)
    {
        ulong checksum = 0;
        foreach (var cell in cells)
            checksum ^= cell.Value;
        return checksum.ToString("x");
    }

    private static void Write(string scenario, Figures figures) =>
        BenchOutput.WriteLine(new Dictionary<string, object?>
        {
            ["scenario"] = scenario,
            ["ops_per_s"] = Math.Round(figures.Ours),
            ["reference_ops_per_s"] = figures.Reference is { } r ? Math.Round(r) : null,
            ["ratio"] = figures.Reference is { } reference ? Math.Round(figures.Ours / reference, 2) : null,
            ["cores"] = BenchOutput.Cores,
            ["load_avg"] = BenchOutput.LoadAverage(),
        });

    private readonly record struct Figures(double Ours, double? Reference);

    /// <summary>h3-reference.mjs running in node, doing one timed pass per command.</summary>
    private sealed class ReferenceProcess : IAsyncDisposable
    {
        private readonly Process _node;
        private readonly string _pointsPath;

        private ReferenceProcess(Process node, string pointsPath)
        {
            _node = node;
            _pointsPath = pointsPath;
        }

        /// <summary>Starts node on the points; null (with a note on stderr) when node or h3-js is missing.</summary>
        public static async Task<ReferenceProcess?> TryStartAsync(double[] lats, double[] lngs, int res, int diskCount)
        {
            var script = FindScript();
            if (script is null)
            {
                Console.Error.WriteLine("h3: h3-reference.mjs or tests/oracles/node_modules/h3-js not found (run deploy/setup.sh); no reference figures");
                return null;
            }

            string pointsPath = Path.Combine(Path.GetTempPath(), $"supplygrid-h3-points-{Guid.NewGuid():N}.bin");
            WritePoints(pointsPath, lats, lngs);
            var start = new ProcessStartInfo("node") { RedirectStandardInput = true, RedirectStandardOutput = true };
            foreach (var argument in new[] { script, pointsPath, res.ToString(CultureInfo.InvariantCulture), diskCount.ToString(CultureInfo.InvariantCulture) })
                start.ArgumentList.Add(argument);
            try
            {
                var node = Process.Start(start)!;
                var process = new ReferenceProcess(node, pointsPath);
                if (await node.StandardOutput.ReadLineAsync() == "ready")
                    return process;
                await process.DisposeAsync();
                Console.Error.WriteLine("h3: h3-reference.mjs did not start; no reference figures");
                return null;
            }
            catch (Win32Exception)
            {
                File.Delete(pointsPath);
                Console.Error.WriteLine("h3: node is not available; no reference figures");
                return null;
            }
        }

        /// <summary>Runs one pass of a scenario in node and returns its duration in seconds.</summary>
        public async Task<double> RunPassAsync(string command) =>
            double.Parse(await AskAsync(command), NumberStyles.Float, CultureInfo.InvariantCulture);

        public Task<string> ChecksumAsync() => AskAsync("checksum");

        private async Task<string> AskAsync(string command)
        {
            await _node.StandardInput.WriteLineAsync(command);
            await _node.StandardInput.FlushAsync();
            return await _node.StandardOutput.ReadLineAsync()
                ?? throw new InvalidOperationException($"h3-reference.mjs exited during '{command}' (exit code {ExitCode()})");
        }

        private string ExitCode() => _node.HasExited ? _node.ExitCode.ToString(CultureInfo.InvariantCulture) : "none";

        public async ValueTask DisposeAsync()
        {
            _node.StandardInput.Close();
            if (!_node.WaitForExit(TimeSpan.FromSeconds(10)))
                _node.Kill();
            await _node.WaitForExitAsync();
            _node.Dispose();
            File.Delete(_pointsPath);
        }

        private static void WritePoints(string path, double[] lats, double[] lngs)
        {
            using var file = File.Create(path);
            Span<byte> pair = stackalloc byte[16];
            for (int i = 0; i < lats.Length; i++)
            {
                BitConverter.TryWriteBytes(pair[..8], lats[i]);
                BitConverter.TryWriteBytes(pair[8..], lngs[i]);
                file.Write(pair);
            }
        }

        private static string? FindScript()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                string script = Path.Combine(dir.FullName, "bench", "SupplyGrid.Bench", "h3-reference.mjs");
                if (File.Exists(script))
                    return Directory.Exists(Path.Combine(dir.FullName, "tests", "oracles", "node_modules", "h3-js")) ? script : null;
            }
            return null;
        }
    }
}
