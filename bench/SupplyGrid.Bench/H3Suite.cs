using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using SupplyGrid.Geo;

namespace SupplyGrid.Bench;

/// <summary>
/// SupplyGrid.Geo's H3 against h3-js (the reference, run in node on the same points):
/// LatLngToCell, CellToLatLng and GridDisk(k = 2) at resolution 9 over random Singapore points,
/// single-threaded. Each figure is the best of several passes on each side, which is the most
/// stable measure on a machine shared with other work.
/// </summary>
/// <remarks>
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

        double latLngToCell = Best(passes, pointCount, () => EncodeAll(lats, lngs, res, cells));
        double cellToLatLng = Best(passes, pointCount, () => DecodeAll(cells));
        double gridDisk = Best(passes, diskCount, () => DisksOf(cells, diskCount));
        var buffer = new H3Index[H3.MaxGridDiskSize(DiskK)];
        double gridDiskSpan = Best(passes, diskCount, () => DisksInto(cells, diskCount, buffer));

        var reference = await RunReferenceAsync(lats, lngs, res, diskCount, passes);
        if (reference is not null && reference.Checksum != Checksum(cells))
        {
            Console.Error.WriteLine($"h3: h3-js computed different cells (checksum {reference.Checksum}, ours {Checksum(cells)})");
            return 1;
        }

        Write($"latLngToCell_res{res}", latLngToCell, reference?.LatLngToCell);
        Write($"cellToLatLng_res{res}", cellToLatLng, reference?.CellToLatLng);
        Write($"gridDisk_k{DiskK}_res{res}", gridDisk, reference?.GridDisk);
        Write($"gridDisk_k{DiskK}_res{res}_span", gridDiskSpan, reference?.GridDisk);
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

    /// <summary>Operations per second of the fastest pass, after one warm-up pass.</summary>
    /// <param name="run">One pass; its result is kept alive so the work cannot be elided.</param>
    private static double Best<T>(int passes, int operations, Func<T> run)
    {
        GC.KeepAlive(run());
        double fastest = double.MaxValue;
        for (int pass = 0; pass < passes; pass++)
        {
            long start = Stopwatch.GetTimestamp();
            var result = run();
            fastest = Math.Min(fastest, Stopwatch.GetElapsedTime(start).TotalSeconds);
            GC.KeepAlive(result);
        }
        return operations / fastest;
    }

    private static string Checksum(H3Index[] cells)
    {
        ulong checksum = 0;
        foreach (var cell in cells)
            checksum ^= cell.Value;
        return checksum.ToString("x");
    }

    private static void Write(string scenario, double opsPerSecond, double? referenceOpsPerSecond) =>
        BenchOutput.WriteLine(new Dictionary<string, object?>
        {
            ["scenario"] = scenario,
            ["ops_per_s"] = Math.Round(opsPerSecond),
            ["reference_ops_per_s"] = referenceOpsPerSecond is { } r ? Math.Round(r) : null,
            ["ratio"] = referenceOpsPerSecond is { } reference ? Math.Round(opsPerSecond / reference, 2) : null,
            ["cores"] = BenchOutput.Cores,
        });

    /// <summary>Runs h3-reference.mjs on the same points; null (with a note) when node or h3-js is missing.</summary>
    private static async Task<ReferenceResult?> RunReferenceAsync(double[] lats, double[] lngs, int res, int diskCount, int passes)
    {
        var script = FindReferenceScript();
        if (script is null)
        {
            Console.Error.WriteLine("h3: h3-reference.mjs or tests/oracles/node_modules/h3-js not found (run deploy/setup.sh); no reference figures");
            return null;
        }

        string pointsPath = Path.Combine(Path.GetTempPath(), $"supplygrid-h3-points-{Guid.NewGuid():N}.bin");
        try
        {
            await using (var file = File.Create(pointsPath))
            {
                var pair = new byte[16];
                for (int i = 0; i < lats.Length; i++)
                {
                    BitConverter.TryWriteBytes(pair.AsSpan(0, 8), lats[i]);
                    BitConverter.TryWriteBytes(pair.AsSpan(8, 8), lngs[i]);
                    file.Write(pair);
                }
            }

            var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { script, pointsPath, res.ToString(), diskCount.ToString(), passes.ToString() })
                start.ArgumentList.Add(argument);
            using var node = Process.Start(start)!;
            var stdout = node.StandardOutput.ReadToEndAsync();
            var stderr = node.StandardError.ReadToEndAsync();
            await node.WaitForExitAsync();
            if (node.ExitCode != 0)
            {
                Console.Error.WriteLine($"h3: h3-reference.mjs failed ({node.ExitCode}): {await stderr}");
                return null;
            }
            return JsonSerializer.Deserialize<ReferenceResult>(await stdout, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        }
        catch (Win32Exception)
        {
            Console.Error.WriteLine("h3: node is not available; no reference figures");
            return null;
        }
        finally
        {
            File.Delete(pointsPath);
        }
    }

    private static string? FindReferenceScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string script = Path.Combine(dir.FullName, "bench", "SupplyGrid.Bench", "h3-reference.mjs");
            if (File.Exists(script))
                return Directory.Exists(Path.Combine(dir.FullName, "tests", "oracles", "node_modules", "h3-js")) ? script : null;
        }
        return null;
    }

    private sealed record ReferenceResult(double LatLngToCell, double CellToLatLng, double GridDisk, string Checksum);
}
