namespace SupplyGrid.Kafka.Tests;

public sealed class BundledLibRdKafkaTests
{
    [Fact]
    public void The_client_and_the_embedded_broker_run_on_the_bundled_librdkafka_and_on_no_other_copy()
    {
        using var broker = new EmbeddedKafkaBroker();

        Assert.StartsWith("2.16.", BundledLibRdKafka.Version, StringComparison.Ordinal);
        Assert.EndsWith(Path.Combine("runtimes", "linux-x64", "native", BundledLibRdKafka.FileName), BundledLibRdKafka.LoadedFrom);
        // What the process has actually mapped: the bundled file, and no librdkafka from anywhere else.
        var mapped = File.ReadAllLines("/proc/self/maps")
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "")
            .Where(path => path.Contains("rdkafka", StringComparison.Ordinal))
            .Distinct()
            .ToArray();
        Assert.Equal([BundledLibRdKafka.LoadedFrom!], mapped);
    }
}
