using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using SupplyGrid.Geo;

namespace SupplyGrid.Geo.Tests.Oracle;

/// <summary>
/// Reference results from h3-js, generated once per test run by tests/oracles/h3-vectors.mjs
/// (see that script for what each data set covers and its binary layout).
/// </summary>
public sealed class OracleVectors
{
    private static readonly Lazy<OracleVectors> Shared = new(Generate);

    private OracleVectors(string directory)
    {
        Points = Read(directory, "points.bin", r => new PointVector(r.F64(), r.F64(), r.Cells(16)));
        Edges = Read(directory, "edges.bin", r => new EdgePointVector(r.F64(), r.F64(), r.I32(), r.Cell()));
        Cells = Read(directory, "cells.bin", r => new CellVector(r.Cell(), new LatLng(r.F64(), r.F64()), r.F64(), r.LatLngs(r.I32())));
        Disks = Read(directory, "disks.bin", r => new DiskVector(r.Cell(), r.I32(), r.Cells(r.I32())));
        Distances = Read(directory, "distances.bin", r => new DistanceVector(r.Cell(), r.Cell(), r.I32(), r.I32()));
        Hierarchy = Read(directory, "hierarchy.bin", ReadHierarchy);
        Validity = Read(directory, "validity.bin", r => new ValidityVector(new H3Index(r.U64()), r.I32() == 1, r.I32()));
        GreatCircles = Read(directory, "distances-km.bin", r => new GreatCircleVector(new LatLng(r.F64(), r.F64()), new LatLng(r.F64(), r.F64()), r.F64()));
        MathResults = Read(directory, "math.bin", r => new MathVector(r.I32(), r.F64(), r.F64(), r.F64()));
        Strings = File.ReadAllLines(Path.Combine(directory, "strings.txt"));
        var catalog = JsonSerializer.Deserialize<CatalogJson>(File.ReadAllText(Path.Combine(directory, "catalog.json")))
            ?? throw new InvalidDataException("catalog.json is empty");
        Res0Cells = catalog.Res0.Select(H3Index.Parse).ToArray();
        Pentagons = catalog.Pentagons.Select(p => p.Select(H3Index.Parse).ToArray()).ToArray();
    }

    public static OracleVectors Instance => Shared.Value;

    public IReadOnlyList<PointVector> Points { get; }

    public IReadOnlyList<EdgePointVector> Edges { get; }

    public IReadOnlyList<CellVector> Cells { get; }

    public IReadOnlyList<DiskVector> Disks { get; }

    public IReadOnlyList<DistanceVector> Distances { get; }

    public IReadOnlyList<HierarchyVector> Hierarchy { get; }

    public IReadOnlyList<ValidityVector> Validity { get; }

    public IReadOnlyList<GreatCircleVector> GreatCircles { get; }

    public IReadOnlyList<MathVector> MathResults { get; }

    public IReadOnlyList<string> Strings { get; }

    public IReadOnlyList<H3Index> Res0Cells { get; }

    /// <summary>Indexed by resolution.</summary>
    public IReadOnlyList<H3Index[]> Pentagons { get; }

    private static HierarchyVector ReadHierarchy(VectorReader r)
    {
        var cell = r.Cell();
        int res = (int)((cell.Value >> 52) & 15);
        var parents = r.Cells(res + 1);
        var centerChildren = r.Cells(H3.MaxResolution - res + 1);
        return new HierarchyVector(cell, parents, centerChildren, r.Cells(r.I32()), r.Cells(r.I32()));
    }

    private static T[] Read<T>(string directory, string name, Func<VectorReader, T> readRecord)
    {
        var reader = new VectorReader(File.ReadAllBytes(Path.Combine(directory, name)));
        var records = new T[reader.U32()];
        for (int i = 0; i < records.Length; i++)
            records[i] = readRecord(reader);
        if (!reader.AtEnd)
            throw new InvalidDataException($"{name} has trailing bytes: the layout does not match the generator.");
        return records;
    }

    private static OracleVectors Generate()
    {
        string oracles = Path.Combine(FindRepositoryRoot(), "tests", "oracles");
        if (!Directory.Exists(Path.Combine(oracles, "node_modules", "h3-js")))
            throw new InvalidOperationException(
                $"h3-js is not installed in {oracles}/node_modules: run deploy/setup.sh (it runs npm ci there).");

        string output = Path.Combine(Path.GetTempPath(), "supplygrid-h3-vectors-" + Guid.NewGuid().ToString("N"));
        try
        {
            RunNode(oracles, output);
            return new OracleVectors(output);
        }
        finally
        {
            if (Directory.Exists(output))
                Directory.Delete(output, recursive: true);
        }
    }

    private static void RunNode(string workingDirectory, string output)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.ArgumentList.Add("h3-vectors.mjs");
        start.ArgumentList.Add(output);
        using var node = Process.Start(start)
            ?? throw new InvalidOperationException("node could not be started: is Node.js installed?");
        var stderr = node.StandardError.ReadToEndAsync();
        var stdout = node.StandardOutput.ReadToEndAsync();
        if (!node.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            node.Kill(entireProcessTree: true);
            throw new TimeoutException("h3-vectors.mjs did not finish within 3 minutes.");
        }
        if (node.ExitCode != 0)
            throw new InvalidOperationException($"h3-vectors.mjs failed ({node.ExitCode}): {stderr.Result}{stdout.Result}");
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "tests", "oracles", "package.json")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No tests/oracles/package.json above {AppContext.BaseDirectory}.");
    }

    private sealed record CatalogJson(
        [property: JsonPropertyName("res0")] string[] Res0,
        [property: JsonPropertyName("pentagons")] string[][] Pentagons);
}
