using SupplyGrid.Api.Dashboards;
using SupplyGrid.Grains.Streams;
using SupplyGrid.Grains.Events;
using SupplyGrid.Grains.Messaging;
using SupplyGrid.Grains.Ports;
using SupplyGrid.Kafka;

namespace SupplyGrid.Silo.Streams;

/// <summary>Binds the product's Kafka topics to the grains, and the grains' MDT outbox to Kafka.</summary>
internal static class GridStreamsRegistration
{
    public static IServiceCollection AddGridStreams(this IServiceCollection services, IConfiguration configuration)
    {
        var validation = configuration.GetSection(EventValidationOptions.SectionName).Get<EventValidationOptions>() ?? new EventValidationOptions();
        // The silo runs on the system clock: event times are checked against it.
        var contracts = new TopicContracts(TimeProvider.System, validation);
        services.AddSingleton(contracts);
        var subscribed = TopicRouter.ConsumedTopics;
        // Interim, until the Orleans stream provider: records reach their grains by grain calls, one in flight per grain.
        services.AddSingleton<IRecordDispatcher>(sp =>
        {
            var router = sp.GetRequiredService<TopicRouter>();
            return new OrderedRecordDispatcher(router.Consumes, router.GrainKey, router.Send);
        });
        var kafka = services.AddKafkaStreams(configuration);
        Bind(kafka, contracts.DriverEvent, subscribed);
        Bind(kafka, contracts.VehicleEvent, subscribed);
        Bind(kafka, contracts.BookingCreated, subscribed);
        Bind(kafka, contracts.DispatchJob, subscribed);
        Bind(kafka, contracts.UploadTrip, subscribed);
        Bind(kafka, contracts.DriverRealPerformance, subscribed);
        Bind(kafka, contracts.MessageReply, subscribed);
        kafka.AddOutbox(contracts.MessageSend.Topic, contracts.MessageSend.TypeInfo);
        // Topics the configuration does not size get the product's partition counts (driver-keyed topics agree).
        services.PostConfigure<KafkaOptions>(o =>
        {
            foreach (var contract in contracts.All.Where(c => o.Topics.All(t => t.Name != c.Topic)))
                o.Topics.Add(new KafkaTopicOptions { Name = contract.Topic, Partitions = contract.DefaultPartitions });
            // The dead-letter topic keeps failures in order: one partition, as Topics.DefaultPartitions says.
            if (o.DeadLetterTopic == Topics.DeadLetter && o.Topics.All(t => t.Name != Topics.DeadLetter))
                o.Topics.Add(new KafkaTopicOptions { Name = Topics.DeadLetter, Partitions = Topics.DefaultPartitions[Topics.DeadLetter] });
        });
        // What the grains send also feeds the city dashboard's MDT feed.
        services.AddSingleton<RecentMdtMessages>();
        services.AddSingleton<IMdtOutbox>(sp => new RecordingMdtOutbox(
            new KafkaMdtOutbox(sp.GetRequiredService<IKafkaOutbox<MdtMessage>>()), sp.GetRequiredService<RecentMdtMessages>()));
        return services;
    }

    private static void Bind<T>(KafkaStreamsBuilder kafka, TopicContract<T> contract, IReadOnlySet<string> subscribed)
        where T : class, ITopicRecord
    {
        // A topic no grain consumes would dead-letter every record: leave it unconsumed instead.
        if (subscribed.Contains(contract.Topic))
            kafka.AddTopic(contract.Topic, contract.TypeInfo, contract.Validate);
    }
}
