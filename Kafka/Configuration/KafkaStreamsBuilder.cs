using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SupplyGrid.Kafka;

/// <summary>Declares the topics the silo consumes and the outboxes it produces through (from <c>AddKafkaStreams</c>).</summary>
public sealed class KafkaStreamsBuilder
{
    private readonly HashSet<string> _consumed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _produced = new(StringComparer.Ordinal);
    private readonly HashSet<Type> _outboxTypes = [];

    internal KafkaStreamsBuilder(IServiceCollection services) => Services = services;

    public IServiceCollection Services { get; }

    /// <summary>
    /// Consumes <paramref name="topic"/>, when the <see cref="IRecordDispatcher"/> subscribes to it: values are JSON
    /// documents of <typeparamref name="T"/>. The first topic adds the <see cref="KafkaStreamPump"/> hosted service.
    /// </summary>
    /// <param name="typeInfo">Source-generated metadata, e.g. <c>DomainJsonContext.Default.DriverEvent</c>.</param>
    /// <param name="validator">Returns why an event is invalid (it is then dead-lettered), or null.</param>
    /// <exception cref="ArgumentException">The topic is not a Kafka topic name, or is already bound.</exception>
    public KafkaStreamsBuilder AddTopic<T>(string topic, JsonTypeInfo<T> typeInfo, Func<T, string?>? validator = null)
        where T : class
    {
        var binding = new TopicBinding<T>(topic, typeInfo, validator);
        if (!_consumed.Add(topic))
            throw new ArgumentException($"Kafka topic '{topic}' is already bound: one event type per topic", nameof(topic));
        Declare(topic);
        Services.AddSingleton<TopicBinding>(binding);
        if (_consumed.Count == 1)
            AddPump();
        return this;
    }

    /// <summary>
    /// Registers <see cref="IKafkaOutbox{T}"/> (and <see cref="KafkaOutbox{T}"/>, for its <c>DeliveryFailed</c> event)
    /// producing JSON documents of <typeparamref name="T"/> to <paramref name="topic"/>.
    /// </summary>
    /// <remarks>A topic may have an outbox and a binding both (a simulator feeding the silo's own inputs).</remarks>
    /// <exception cref="ArgumentException">
    /// The topic is not a Kafka topic name, already has an outbox, or <typeparamref name="T"/> already has one.
    /// </exception>
    public KafkaStreamsBuilder AddOutbox<T>(string topic, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        KafkaTopicName.ThrowIfInvalid(topic);
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (!_produced.Add(topic))
            throw new ArgumentException($"Kafka topic '{topic}' already has an outbox", nameof(topic));
        if (!_outboxTypes.Add(typeof(T)))
            throw new ArgumentException($"{typeof(T).Name} already has an outbox: IKafkaOutbox<{typeof(T).Name}> names one topic", nameof(typeInfo));
        Declare(topic);
        Services.AddSingleton(sp => new KafkaOutbox<T>(
            topic, typeInfo, sp.GetRequiredService<KafkaProducer>(), sp.GetRequiredService<IOptions<KafkaOptions>>().Value.Outbox,
            sp.GetRequiredService<KafkaStreamMetrics>(), sp.GetRequiredService<ILogger<KafkaOutbox<T>>>(), sp.GetService<TimeProvider>()));
        Services.AddSingleton<IKafkaOutbox<T>>(sp => sp.GetRequiredService<KafkaOutbox<T>>());
        return this;
    }

    // A process that only produces (or reads through the Orleans stream provider) runs no pump.
    private void AddPump()
    {
        Services.AddSingleton(sp => new KafkaStreamPump(
            sp.GetRequiredService<KafkaClusterConnection>(),
            sp.GetServices<TopicBinding>(),
            sp.GetService<IRecordDispatcher>()
                ?? throw new InvalidOperationException(
                    "Kafka streams hand records over through IRecordDispatcher, which is not registered: register one (an OrderedRecordDispatcher) first."),
            sp.GetRequiredService<IDeadLetterSink>(),
            sp.GetRequiredService<KafkaStreamMetrics>(),
            sp.GetRequiredService<IOptions<KafkaOptions>>(),
            sp.GetRequiredService<ILogger<KafkaStreamPump>>()));
        Services.AddHostedService(sp => sp.GetRequiredService<KafkaStreamPump>());
    }

    private void Declare(string topic)
    {
        if (!_consumed.Contains(topic) || !_produced.Contains(topic))
            Services.AddSingleton(new KafkaTopicDeclaration(topic));
    }
}
