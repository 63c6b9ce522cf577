using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SupplyGrid.Kafka.Tests.Support;
using Xunit.Abstractions;

namespace SupplyGrid.Kafka.Tests;

public sealed class OutboxTests(ITestOutputHelper output)
{
    private const string Topic = "ngp.dcp.drivercomms.message_send";

    [Fact]
    public async Task Outbox_messages_arrive_keyed_by_driver_in_the_order_enqueued()
    {
        using var broker = new EmbeddedKafkaBroker();
        broker.CreateTopic(Topic, 3);
        var messages = Enumerable.Range(0, 60).Select(i => new MdtMessage($"msg-{i}", $"drv-{i % 7}", $"REPOSITION #{i}")).ToList();

        await using (var services = BuildServices(OutboxSettings(broker.BootstrapServers, "g-outbox")))
        {
            var outbox = services.GetRequiredService<IKafkaOutbox<MdtMessage>>();
            Assert.Equal(Topic, outbox.Topic);
            foreach (var message in messages)
                await outbox.EnqueueAsync(message.DriverId, message);
            var status = await WaitForStatus(services, s => s.Delivered == messages.Count);
            Assert.Equal(new OutboxStatus(Topic, 0, messages.Count, 0), status);
        }

        var read = TestKafka.Read(broker.BootstrapServers, Topic, messages.Count);
        var received = read.Select(r => (Key: Encoding.UTF8.GetString(r.Message.Key!), Message: JsonSerializer.Deserialize(r.Message.Value, TestJsonContext.Default.MdtMessage)!)).ToList();
        Assert.All(received, r => Assert.Equal(r.Message.DriverId, r.Key));
        Assert.Equal(messages.ToHashSet(), received.Select(r => r.Message).ToHashSet());
        foreach (var driver in received.GroupBy(r => r.Key))
        {
            Assert.Single(read.Where(r => Encoding.UTF8.GetString(r.Message.Key!) == driver.Key).Select(r => r.Partition).Distinct());
            Assert.Equal(messages.Where(m => m.DriverId == driver.Key), driver.Select(r => r.Message));
        }
    }

    [Fact]
    public async Task Undeliverable_messages_are_reported_and_a_full_outbox_refuses_with_a_clear_exception()
    {
        // Nothing listens on this port: every message times out after the producer's retries.
        var settings = OutboxSettings("127.0.0.1:1", "g-outbox-down");
        settings["Kafka:Outbox:Capacity"] = "2";
        // Long enough that the first two are surely still pending when the third finds the outbox full.
        settings["Kafka:Outbox:DeliveryTimeout"] = "00:00:03";
        settings["Kafka:Outbox:EnqueueTimeout"] = "00:00:00.100";
        settings["Kafka:Outbox:FlushTimeout"] = "00:00:00.100";
        var failures = new List<OutboxDeliveryFailure>();

        await using (var services = BuildServices(settings))
        {
            var outbox = services.GetRequiredService<KafkaOutbox<MdtMessage>>();
            outbox.DeliveryFailed += (_, failure) =>
            {
                lock (failures)
                    failures.Add(failure);
            };
            await outbox.EnqueueAsync("drv-1", new MdtMessage("m1", "drv-1", "one"));
            await outbox.EnqueueAsync("drv-2", new MdtMessage("m2", "drv-2", "two"));
            var full = await Assert.ThrowsAsync<KafkaOutboxFullException>(() => outbox.EnqueueAsync("drv-3", new MdtMessage("m3", "drv-3", "three")).AsTask());
            Assert.Contains("Kafka:Outbox:Capacity", full.Message);
            Assert.Contains(Topic, full.Message);

            var status = await WaitForStatus(services, s => s.Failed == 2);
            Assert.Equal(new OutboxStatus(Topic, 0, 0, 2), status);
            // Room came back once the failures were reported.
            await outbox.EnqueueAsync("drv-4", new MdtMessage("m4", "drv-4", "four"));
        }

        // The last message was still pending when the outbox stopped: it is reported too, not dropped.
        lock (failures)
        {
            Assert.Equal(["drv-1", "drv-2", "drv-4"], failures.Select(f => f.Key).Order());
            Assert.All(failures, f => Assert.Equal(Topic, f.Topic));
            Assert.Equal("m4", JsonSerializer.Deserialize(failures.Single(f => f.Key == "drv-4").Value.Span, TestJsonContext.Default.MdtMessage)!.MessageId);
        }
    }

    [Fact]
    public async Task Deliver_completes_once_the_brokers_hold_the_message()
    {
        using var broker = new EmbeddedKafkaBroker();
        broker.CreateTopic(Topic, 3);
        await using (var services = BuildServices(OutboxSettings(broker.BootstrapServers, "g-outbox-deliver")))
        {
            var outbox = services.GetRequiredService<IKafkaOutbox<MdtMessage>>();
            await outbox.DeliverAsync("drv-1", new MdtMessage("paid-1", "drv-1", "PAID"));
            // Acknowledged, not merely queued: the outbox holds nothing for it any more.
            Assert.Equal(new OutboxStatus(Topic, 0, 1, 0), services.GetRequiredService<KafkaOutboxMetrics>().Outboxes().Single());
        }

        var read = TestKafka.Read(broker.BootstrapServers, Topic, 1);
        Assert.Equal("paid-1", JsonSerializer.Deserialize(read.Single().Message.Value, TestJsonContext.Default.MdtMessage)!.MessageId);
    }

    [Fact]
    public async Task Deliver_fails_when_the_producer_gives_up_on_the_message()
    {
        var settings = OutboxSettings("127.0.0.1:1", "g-outbox-deliver-down");
        settings["Kafka:Outbox:DeliveryTimeout"] = "00:00:01";
        settings["Kafka:Outbox:FlushTimeout"] = "00:00:00.100";
        await using var services = BuildServices(settings);
        var outbox = services.GetRequiredService<IKafkaOutbox<MdtMessage>>();

        var failed = await Assert.ThrowsAsync<KafkaDeliveryException>(() => outbox.DeliverAsync("drv-1", new MdtMessage("paid-1", "drv-1", "PAID")));

        Assert.Equal("drv-1", failed.Key);
        Assert.Equal(Topic, failed.Topic);
    }

    [Fact]
    public async Task Enqueue_refuses_an_empty_key()
    {
        await using var services = BuildServices(OutboxSettings("127.0.0.1:1", "g-outbox-key"));
        var outbox = services.GetRequiredService<IKafkaOutbox<MdtMessage>>();
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => outbox.EnqueueAsync("", new MdtMessage("m", "d", "t")).AsTask());
        Assert.Equal("key", refused.ParamName);
    }

    private static Dictionary<string, string?> OutboxSettings(string bootstrap, string groupId) => new()
    {
        ["Kafka:BootstrapServers"] = bootstrap,
        ["Kafka:GroupId"] = groupId,
        ["Kafka:Outbox:Linger"] = "00:00:00.002",
    };

    private ServiceProvider BuildServices(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(new TestOutputLoggerProvider(output)));
        services.AddKafkaConnection(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddOutbox(Topic, TestJsonContext.Default.MdtMessage);
        return services.BuildServiceProvider();
    }

    private static async Task<OutboxStatus> WaitForStatus(IServiceProvider services, Func<OutboxStatus, bool> condition)
    {
        var metrics = services.GetRequiredService<KafkaOutboxMetrics>();
        var deadline = DateTime.UtcNow + TestKafka.Patience;
        while (true)
        {
            var status = metrics.Outboxes().Single();
            if (condition(status))
                return status;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"outbox status stayed {status}");
            await Task.Delay(20);
        }
    }
}
