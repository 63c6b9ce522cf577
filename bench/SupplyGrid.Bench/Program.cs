using SupplyGrid.Bench;

// Each benchmark is a named suite; `dotnet run -c Release --project bench/SupplyGrid.Bench -- <suite> [options]`.
IBenchSuite[] suites =
[
    new H3Suite(),
    new SupplyGrid.Bench.City.CitySuite(),
    new SupplyGrid.Bench.City.OdrdSuite(),
    new SupplyGrid.Bench.Ingest.IngestSuite(),
    new TopicRecordSuite(),
    new SupplyGrid.Bench.Api.HeatmapSuite(),
];

if (args.Length == 0 || suites.All(s => s.Name != args[0]))
{
    Console.Error.WriteLine($"usage: SupplyGrid.Bench <{string.Join('|', suites.Select(s => s.Name))}> [options]");
    return 2;
}

var suite = suites.First(s => s.Name == args[0]);
return await suite.RunAsync(new BenchArgs(args[1..]));
