using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SupplyGrid.Kafka;

/// <summary>Declares the outboxes the process produces through (from <c>AddKafkaConnection</c>); their topics are created on the embedded broker.</summary>
public sealed class KafkaOutboxesBuilder
{
    private readonly HashSet<string> _produced = new(StringComparer.Ordinal);
    private readonly HashSet<Type> _outboxTypes = [];

    internal KafkaOutboxesBuilder(IServiceCollection services) => Services = services;

    public IServiceCollection Services { get; }

    /// <summary>
    /// Registers <see cref="IKafkaOutbox{T}"/> (and <see cref="KafkaOutbox{T}"/>, for its <c>DeliveryFailed</c> event)
    /// producing JSON documents of <typeparamref name="T"/> to <paramref name="topic"/>.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The topic is not a Kafka topic name, already has an outbox, or <typeparamref name="T"/> already has one.
    /// </exception>
    public KafkaOutboxesBuilder AddOutbox<T>(string topic, JsonTypeInfo<T> typeInfo)
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
            sp.GetRequiredService<KafkaOutboxMetrics>(), sp.GetRequiredService<ILogger<KafkaOutbox<T>>>(), sp.GetService<TimeProvider>()));
        Services.AddSingleton<IKafkaOutbox<T>>(sp => sp.GetRequiredService<KafkaOutbox<T>>());
        return this;
    }

    private void Declare(string topic) => Services.AddSingleton(new KafkaTopicDeclaration(topic));
}
