using System.Net.Sockets;
using SupplyGrid.Kafka.Tests.Support;

namespace SupplyGrid.Kafka.Tests;

public sealed class EmbeddedKafkaBrokerTests
{
    [Fact]
    public void Topics_are_created_with_their_partition_counts_and_seen_by_clients()
    {
        using var broker = new EmbeddedKafkaBroker();

        broker.CreateTopic("a.topic", 3);
        broker.CreateTopic("b_topic-2", 1);
        broker.CreateTopic("a.topic", 3); // same again: no change

        Assert.Equal(new Dictionary<string, int> { ["a.topic"] = 3, ["b_topic-2"] = 1 }, broker.Topics);
        Assert.Equal(3, TestKafka.PartitionCount(broker.BootstrapServers, "a.topic"));
        Assert.Equal(1, TestKafka.PartitionCount(broker.BootstrapServers, "b_topic-2"));
    }

    [Fact]
    public void Bad_topics_are_refused_with_clear_messages()
    {
        using var broker = new EmbeddedKafkaBroker();
        broker.CreateTopic("t", 2);

        Assert.Contains("already exists with 2 partition(s), not 4", Assert.Throws<InvalidOperationException>(() => broker.CreateTopic("t", 4)).Message);
        Assert.Equal("topic", Assert.Throws<ArgumentException>(() => broker.CreateTopic("no/slash", 1)).ParamName);
        Assert.Equal("partitions", Assert.Throws<ArgumentOutOfRangeException>(() => broker.CreateTopic("u", 0)).ParamName);
    }

    [Fact]
    public async Task Stopping_closes_the_port_and_refuses_further_use()
    {
        var broker = new EmbeddedKafkaBroker();
        var (host, port) = HostAndPort(broker.BootstrapServers);
        using (var client = new TcpClient())
            await client.ConnectAsync(host, port);

        await broker.DisposeAsync();

        using (var client = new TcpClient())
            await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(host, port));
        Assert.Throws<ObjectDisposedException>(() => broker.CreateTopic("t", 1));
        broker.Dispose(); // twice is harmless
    }

    [Fact]
    public void At_least_one_broker_is_needed() =>
        Assert.Equal("brokerCount", Assert.Throws<ArgumentOutOfRangeException>(() => new EmbeddedKafkaBroker(0)).ParamName);

    private static (string Host, int Port) HostAndPort(string bootstrap)
    {
        var first = bootstrap.Split(',')[0];
        var colon = first.LastIndexOf(':');
        return (first[..colon], int.Parse(first[(colon + 1)..]));
    }
}
