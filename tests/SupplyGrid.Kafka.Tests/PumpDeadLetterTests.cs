using System.Text;
using Confluent.Kafka;
using SupplyGrid.Kafka.Tests.Support;
using Xunit.Abstractions;

namespace SupplyGrid.Kafka.Tests;

public sealed class PumpDeadLetterTests(ITestOutputHelper output)
{
    private const string Topic = "ngp.me.vehiclecomm.driver_event";
    private const string DeadLetterTopic = "supplygrid.dead-letter";

    [Fact]
    public async Task Poison_records_are_dead_lettered_with_their_origin_and_the_records_behind_them_still_reach_the_dispatcher()
    {
        using var broker = new EmbeddedKafkaBroker();
        broker.CreateTopic(Topic, 2);
        broker.CreateTopic(DeadLetterTopic, 1);
        byte[] Good(string driver, long seq) => TestKafka.Json(new DriverPing { DriverId = driver, Seq = seq, Lat = 1.3 });
        var poison = new (byte[]? Key, byte[]? Value, string Reason)[]
        {
            (TestKafka.Utf8("drv-a"), TestKafka.Utf8("{\"driver_id\":\"drv-a\",\"seq\":"), "malformed_json"),
            (TestKafka.Utf8("drv-b"), TestKafka.Utf8("{\"driver_id\":\"drv-b\",\"lat\":1.3}"), "missing_required_field"),
            (TestKafka.Utf8("drv-c"), TestKafka.Utf8("{\"driver_id\":\"drv-c\",\"seq\":1,\"lat\":\"north\"}"), "schema_mismatch"),
            (TestKafka.Utf8("drv-d"), TestKafka.Json(new DriverPing { DriverId = "drv-d", Seq = 1, Lat = 123 }), "validation_failed"),
            (null, Good("drv-e", 1), "empty_key"),
            (new byte[200], Good("drv-f", 1), "oversized_key"),
            ([0xC3, 0x28], Good("drv-g", 1), "invalid_key_encoding"),
            (TestKafka.Utf8("drv-h"), null, "missing_value"),
            (TestKafka.Utf8("drv-boom"), Good("drv-boom", 666), "grain_failed"),
        };
        var records = new List<(byte[]? Key, byte[]? Value)>();
        foreach (var (key, value, _) in poison)
        {
            records.Add((key, value));
            records.Add((TestKafka.Utf8("drv-ok"), Good("drv-ok", records.Count)));
        }

        var landed = TestKafka.Produce(broker.BootstrapServers, Topic, records);
        using var dispatcher = new RecordingDispatcher(Topic)
        {
            FailWhen = d => d.Key == "drv-boom" ? new InvalidOperationException("handler refused the ping") : null,
        };

        List<ConsumeResult<byte[]?, byte[]?>> letters;
        await using (var silo = await PumpHarness.StartAsync(output, dispatcher, PumpHarness.FastSettings(broker.BootstrapServers, "g-poison"), Topic))
        {
            await dispatcher.WaitForCountAsync(poison.Length + 1, TestKafka.Patience);
            letters = TestKafka.Read(broker.BootstrapServers, DeadLetterTopic, poison.Length);
            var snapshot = silo.Metrics.GetSnapshot();
            Assert.All(poison, p => Assert.Equal(1, snapshot.DeadLettersByReason[p.Reason]));
        }

        // Every good record behind a poison one was delivered, plus the one whose handler failed.
        Assert.Equal(
            records.Where(r => r.Key is not null && Encoding.UTF8.GetString(r.Key).StartsWith("drv-ok", StringComparison.Ordinal)).Count() + 1,
            dispatcher.Count);
        Assert.Equal(poison.Length, letters.Count);
        foreach (var letter in letters)
        {
            var origin = new TopicPartitionOffset(
                letter.Header(DeadLetterHeaders.SourceTopic),
                int.Parse(letter.Header(DeadLetterHeaders.SourcePartition)),
                long.Parse(letter.Header(DeadLetterHeaders.SourceOffset)));
            var index = landed.IndexOf(origin);
            Assert.True(index >= 0 && index % 2 == 0, $"dead letter names {origin}, which is not a poison record");
            var expected = poison[index / 2];
            Assert.Equal(expected.Reason, letter.Header(DeadLetterHeaders.ErrorClass));
            Assert.False(string.IsNullOrWhiteSpace(letter.Header(DeadLetterHeaders.ErrorMessage)));
            Assert.Equal("g-poison", letter.Header(DeadLetterHeaders.ConsumerGroup));
            Assert.True(DateTimeOffset.Parse(letter.Header(DeadLetterHeaders.FailedAt)).Offset == TimeSpan.Zero);
            Assert.Equal(expected.Key ?? [], letter.Message.Key ?? []);
            Assert.Equal(expected.Value ?? [], letter.Message.Value ?? []);
        }

        var failed = letters.Single(l => l.Header(DeadLetterHeaders.ErrorClass) == "grain_failed");
        Assert.Equal(typeof(InvalidOperationException).FullName, failed.Header(DeadLetterHeaders.ErrorException));
        Assert.Contains("handler refused the ping", failed.Header(DeadLetterHeaders.ErrorMessage));
        // Nothing is left behind: every partition is committed to its end.
        var committed = TestKafka.Committed(broker.BootstrapServers, "g-poison", Topic, 2);
        foreach (var partition in landed.GroupBy(l => l.Partition.Value))
            Assert.Equal(partition.Max(l => l.Offset.Value) + 1, committed[partition.Key]);
    }
}
