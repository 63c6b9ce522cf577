using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Hosting;
using SupplyGrid.Geo;
using SupplyGrid.Grains;
using SupplyGrid.Grains.Events;
using SupplyGrid.Grains.Streams;
using SupplyGrid.Kafka;
using SupplyGrid.Silo.Streams;

namespace SupplyGrid.Silo.Tests;

/// <summary>
/// The grid fed by the Kafka stream provider: records produced to the consumed topics reach the real driver and cell
/// grains through implicit subscriptions, and bad records go to the dead-letter topic. One broker and silo for the class.
/// </summary>
public sealed class TopicStreamsTests : IClassFixture<TopicStreamsTests.Grid>
{
    private const string DeadLetterTopic = "supplygrid.streams.dead-letter";
    private static readonly TopicContracts Contracts = new(TimeProvider.System, new EventValidationOptions());
    private static readonly LatLng MarinaBay = new(1.2834, 103.8607);

    private readonly Grid _grid;

    public TopicStreamsTests(Grid grid) => _grid = grid;

    [Fact]
    public async Task A_ping_on_the_driver_topic_reaches_the_drivers_grain()
    {
        var ping = new DriverEvent
        {
            EventId = "stream-ping-1", Ts = DateTimeOffset.UtcNow, DriverId = "stream-driver-1", VehicleId = "v-1",
            Lat = MarinaBay.Lat, Lng = MarinaBay.Lng, SpeedKmh = 20, Status = DriverStatus.Available,
        };
        await _grid.ProduceAsync(Topics.DriverEvent, ping.DriverId, JsonSerializer.SerializeToUtf8Bytes(ping, Contracts.DriverEvent.TypeInfo));

        var driver = _grid.Grains.GetGrain<IDriverGrain>(ping.DriverId);
        await Eventually.TrueAsync(async () => (await driver.GetView()).Known, "the driver grain to know the ping");
        var view = await driver.GetView();
        Assert.Equal(H3.LatLngToCell(MarinaBay.Lat, MarinaBay.Lng, 8).ToString(), view.Cell);
        Assert.Equal(ping.Ts, view.LastPingAt);
    }

    [Fact]
    public async Task A_booking_keyed_by_its_id_is_counted_by_the_cell_of_its_pickup()
    {
        var pickup = new LatLng(1.3521, 103.8198);
        var booking = new BookingCreated
        {
            EventId = "stream-booking-1", Ts = DateTimeOffset.UtcNow, BookingId = "stream-booking-1", BookingType = BookingType.Immediate,
            PickupLat = pickup.Lat, PickupLng = pickup.Lng, EstimatedFare = 12m, Currency = "SGD",
        };
        await _grid.ProduceAsync(Topics.BookingCreated, booking.BookingId, JsonSerializer.SerializeToUtf8Bytes(booking, Contracts.BookingCreated.TypeInfo));

        var cell = _grid.Grains.GetGrain<ICellGrain>(H3.LatLngToCell(pickup.Lat, pickup.Lng, 8).ToString());
        await Eventually.TrueAsync(async () => (await cell.GetFigures()).Demand >= 1, "the pickup cell to count the booking");
    }

    [Fact]
    public async Task A_record_that_breaks_its_contract_goes_to_the_dead_letter_topic_with_the_reason()
    {
        var value = Encoding.UTF8.GetBytes("{\"driver_id\": \"stream-driver-bad\", \"lat\": ");
        await _grid.ProduceAsync(Topics.DriverEvent, "stream-driver-bad", value);

        var letter = await _grid.NextDeadLetterAsync("stream-driver-bad");
        Assert.Equal(value, letter.Message.Value);
        var reason = Encoding.UTF8.GetString(letter.Message.Headers.GetLastBytes("dlq.reason"));
        Assert.StartsWith("malformed_json", reason, StringComparison.Ordinal);
        Assert.Equal("malformed_json", Encoding.UTF8.GetString(letter.Message.Headers.GetLastBytes("dlq.category")));
        Assert.Equal(Topics.DriverEvent, Encoding.UTF8.GetString(letter.Message.Headers.GetLastBytes("dlq.topic")));
    }

    /// <summary>An embedded broker with the consumed topics, and a silo of the grid reading them through the provider.</summary>
    public sealed class Grid : IAsyncLifetime
    {
        private readonly EmbeddedKafkaBroker _broker = new();
        private IHost? _host;

        public IGrainFactory Grains => (_host ?? throw new InvalidOperationException("not started")).Services.GetRequiredService<IGrainFactory>();

        public async Task InitializeAsync()
        {
            foreach (var topic in TopicRouter.ConsumedTopics)
                _broker.CreateTopic(topic, Topics.DefaultPartitions[topic]);
            _broker.CreateTopic(DeadLetterTopic, 1);
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Services.AddLogging();
            builder.Services.AddSingleton(Contracts);
            var configuration = builder.Configuration;
            var (siloPort, gatewayPort) = FreePorts.Two();
            builder.UseOrleans(silo => silo
                .UseLocalhostClustering(siloPort, gatewayPort, serviceId: "streams-tests", clusterId: $"streams-{Guid.NewGuid():N}")
                .AddSupplyGridDomain(configuration)
                .AddMemoryGrainStorageAsDefault()
                .UseInMemoryReminderService()
                .AddTopicStreams(options => options.Configure(o =>
                {
                    o.BootstrapServers = _broker.BootstrapServers;
                    o.ConsumerGroupId = "streams-tests";
                    o.DeadLetterTopic = DeadLetterTopic;
                })));
            _host = builder.Build();
            await _host.StartAsync();
        }

        public async Task DisposeAsync()
        {
            if (_host is not null)
            {
                await _host.StopAsync();
                _host.Dispose();
            }

            await _broker.DisposeAsync();
        }

        public async Task ProduceAsync(string topic, string key, byte[] value)
        {
            using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig
            {
                BootstrapServers = _broker.BootstrapServers,
                Partitioner = Partitioner.Murmur2Random,
            }).Build();
            await producer.ProduceAsync(topic, new Message<string, byte[]> { Key = key, Value = value });
        }

        /// <summary>The first dead letter with <paramref name="key"/>; fails after 20 s.</summary>
        public Task<ConsumeResult<string, byte[]>> NextDeadLetterAsync(string key) => Task.Run(() =>
        {
            using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
            {
                BootstrapServers = _broker.BootstrapServers,
                GroupId = $"dead-letter-reader-{Guid.NewGuid():N}",
                AutoOffsetReset = AutoOffsetReset.Earliest,
            }).Build();
            consumer.Assign(new TopicPartitionOffset(DeadLetterTopic, 0, Offset.Beginning));
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (DateTime.UtcNow < deadline)
            {
                if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { } result && result.Message.Key == key)
                    return result;
            }

            throw new TimeoutException($"No dead letter with key {key} within 20 s.");
        });
    }
}
