using SupplyGrid.Api.Dashboards;
using SupplyGrid.Grains.Streams;
using SupplyGrid.Grains.Events;
using SupplyGrid.Grains.Messaging;
using SupplyGrid.Grains.Ports;
using SupplyGrid.Kafka;

namespace SupplyGrid.Silo.Streams;

/// <summary>The silo's Kafka connection, its topics and the grains' MDT outbox; the topics' stream provider is <see cref="TopicStreamsRegistration"/>.</summary>
internal static class GridStreamsRegistration
{
    public static IServiceCollection AddGridStreams(this IServiceCollection services, IConfiguration configuration)
    {
        var validation = configuration.GetSection(EventValidationOptions.SectionName).Get<EventValidationOptions>() ?? new EventValidationOptions();
        // The silo runs on the system clock: event times are checked against it.
        var contracts = new TopicContracts(TimeProvider.System, validation);
        services.AddSingleton(contracts);
        // The consumed topics reach the grains through the stream provider (AddTopicStreams). Events posted to the API
        // (POST /api/process-event) reach them by grain calls, one in flight per grain.
        services.AddSingleton<IRecordDispatcher>(sp =>
        {
            var router = sp.GetRequiredService<TopicRouter>();
            return new OrderedRecordDispatcher(router.Consumes, router.GrainKey, router.Send);
        });
        var kafka = services.AddKafkaConnection(configuration);
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
}
