using Confluent.Kafka;
using Microsoft.Extensions.Options;
using SupplyGrid.Grains.Events;
using SupplyGrid.Kafka;
using SupplyGrid.Simulator;

namespace SupplyGrid.Silo.Simulation;

/// <summary>
/// Runs the simulated city in real time: its events go to the input topics through a Kafka producer, and the grid's
/// MDT messages come back from message_send through a Kafka consumer, so the city answers offers like real drivers.
/// </summary>
internal sealed class CitySimulationService(
    KafkaClusterConnection kafka,
    IOptions<KafkaOptions> kafkaOptions,
    TopicContracts contracts,
    IOptions<SiloSimulationOptions> options,
    TimeProvider time,
    ILogger<CitySimulationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var city = Cities.ById(settings.City);
        using var producer = new ProducerBuilder<string, byte[]>(ClientConfig(new ProducerConfig { LingerMs = 5, EnableIdempotence = true, Partitioner = Partitioner.Murmur2Random })).Build();
        var publisher = new KafkaTopicPublisher(producer, logger);
        var now = time.GetUtcNow();
        var sink = new WarmUpSink(new TopicPublishingSink(publisher), now - settings.WarmUpBookings);
        var simulation = new CitySimulation(city, new PoissonDemand(city, settings.Demand), now - settings.WarmUp, settings.Engine, sink);
        simulation.AdvanceTo(now);
        sink.GoLive();
        logger.LogInformation("Simulated city {City} started with {Drivers} drivers and about {Bookings} bookings/hour, warmed up over {WarmUp}",
            city.Id, simulation.DriverCount, settings.Demand.BookingsPerHour, settings.WarmUp);

        var feedback = Task.Factory.StartNew(() => ConsumeMdtMessages(simulation, stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        using var ticks = new PeriodicTimer(settings.TickInterval, time);
        try
        {
            while (await ticks.WaitForNextTickAsync(stoppingToken))
                simulation.AdvanceTo(time.GetUtcNow());
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        producer.Flush(TimeSpan.FromSeconds(5));
        await feedback;
    }

    /// <summary>The simulated terminals: every MDT message the grid sends reaches its simulated driver.</summary>
    private void ConsumeMdtMessages(CitySimulation simulation, CancellationToken stoppingToken)
    {
        var config = ClientConfig(new ConsumerConfig
        {
            GroupId = "supplygrid-simulated-terminals",
            AutoOffsetReset = AutoOffsetReset.Latest,
            EnableAutoCommit = true,
        });
        using var consumer = new ConsumerBuilder<string, byte[]>(config).Build();
        consumer.Subscribe(Topics.MessageSend);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
                if (result?.Message?.Value is null)
                    continue;
                if (contracts.MessageSend.TryRead(result.Message.Value, out var message, out var error))
                    simulation.OnMdtMessage(message);
                else
                    logger.LogWarning("Simulated terminals ignored an unreadable MDT message: {Error}", error);
            }
        }
        finally
        {
            consumer.Close();
        }
    }

    private T ClientConfig<T>(T config) where T : ClientConfig
    {
        config.BootstrapServers = kafka.BootstrapServers;
        foreach (var (key, value) in kafkaOptions.Value.Client)
            config.Set(key, value);
        return config;
    }
}
