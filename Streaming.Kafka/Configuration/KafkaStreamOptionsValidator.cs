using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace SupplyGrid.Streaming.Kafka;

/// <summary>
/// Checks a provider's <see cref="KafkaStreamOptions"/> when the silo starts (Orleans runs every
/// <see cref="IConfigurationValidator"/> before the silo's lifecycle), so a bad setting stops the silo with a message
/// naming the setting, rather than surfacing later as a receiver that never reads.
/// </summary>
public sealed class KafkaStreamOptionsValidator : IConfigurationValidator
{
    private readonly string _providerName;
    private readonly KafkaStreamOptions _options;

    private KafkaStreamOptionsValidator(string providerName, KafkaStreamOptions options)
    {
        _providerName = providerName;
        _options = options;
    }

    /// <summary>The validator of the provider named <paramref name="providerName"/>, reading its named options.</summary>
    public static IConfigurationValidator Create(IServiceProvider services, string providerName) =>
        new KafkaStreamOptionsValidator(providerName, services.GetRequiredService<IOptionsMonitor<KafkaStreamOptions>>().Get(providerName));

    /// <inheritdoc />
    /// <exception cref="OrleansConfigurationException">A setting is missing or out of range; the message names each one.</exception>
    public void ValidateConfiguration() => ThrowIfInvalid(_providerName, _options);

    /// <summary>Throws if <see cref="Validate"/> finds anything.</summary>
    /// <exception cref="OrleansConfigurationException">A setting is missing or out of range; the message names each one.</exception>
    public static void ThrowIfInvalid(string providerName, KafkaStreamOptions options)
    {
        var failures = Validate(providerName, options);
        if (failures.Count > 0)
            throw new OrleansConfigurationException(
                $"Kafka stream provider '{providerName}' is misconfigured:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", failures));
    }

    /// <summary>Every problem with <paramref name="options"/>, each naming its setting (e.g. <c>KafkaStreamOptions.Topics[1].PartitionCount</c>); empty when valid.</summary>
    public static IReadOnlyList<string> Validate(string providerName, KafkaStreamOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string O = nameof(KafkaStreamOptions);
        var failures = new List<string>();

        if (string.IsNullOrWhiteSpace(options.BootstrapServers))
            failures.Add($"{O}.{nameof(options.BootstrapServers)} is required: comma-separated host:port pairs of the Kafka brokers.");
        if (string.IsNullOrWhiteSpace(options.ConsumerGroupId))
            failures.Add($"{O}.{nameof(options.ConsumerGroupId)} is required: the group under which offsets are committed.");
        if (options.Decoder is null)
            failures.Add($"{O}.{nameof(options.Decoder)} is required: it turns records into stream events.");
        if (options.CacheSize < 1)
            failures.Add($"{O}.{nameof(options.CacheSize)} must be at least 1 (was {options.CacheSize}).");
        if (options.PollBatchSize < 1)
            failures.Add($"{O}.{nameof(options.PollBatchSize)} must be at least 1 (was {options.PollBatchSize}).");
        if (options.ReadInterval <= TimeSpan.Zero)
            failures.Add($"{O}.{nameof(options.ReadInterval)} must be positive (was {options.ReadInterval}).");
        if (options.DeliveryTimeLimit <= TimeSpan.Zero)
            failures.Add($"{O}.{nameof(options.DeliveryTimeLimit)} must be positive (was {options.DeliveryTimeLimit}).");
        if (options.CommitInterval < TimeSpan.Zero)
            failures.Add($"{O}.{nameof(options.CommitInterval)} must not be negative (was {options.CommitInterval}).");

        foreach (var key in options.ConsumerSettings?.Keys ?? Enumerable.Empty<string>())
        {
            if (KafkaStreamOptions.ManagedConsumerSettings.Contains(key))
                failures.Add($"{O}.{nameof(options.ConsumerSettings)}[\"{key}\"] is set by the provider; use its own option instead.");
        }

        foreach (var key in options.ProducerSettings?.Keys ?? Enumerable.Empty<string>())
        {
            if (KafkaStreamOptions.ManagedProducerSettings.Contains(key))
                failures.Add($"{O}.{nameof(options.ProducerSettings)}[\"{key}\"] is set by the provider (the dead-letter producer is idempotent, acks=all, on BootstrapServers).");
        }

        ValidateTopics(options.Topics, failures);
        ValidateDeadLetterTopic(options, failures);
        return failures;
    }

    private static void ValidateTopics(List<KafkaStreamTopic>? topics, List<string> failures)
    {
        const string T = $"{nameof(KafkaStreamOptions)}.{nameof(KafkaStreamOptions.Topics)}";
        if (topics is null || topics.Count == 0)
        {
            failures.Add($"{T} is empty: add at least one topic (name, stream namespace, partition count).");
            return;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var namespaces = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < topics.Count; i++)
        {
            var topic = topics[i];
            var at = $"{T}[{i}]";
            if (topic is null)
            {
                failures.Add($"{at} is null.");
                continue;
            }

            if (!IsKafkaTopicName(topic.Topic))
                failures.Add($"{at}.{nameof(topic.Topic)} '{topic.Topic}' is not a Kafka topic name: use 1 to 249 ASCII letters, digits, '.', '_' or '-'.");
            else if (!names.Add(topic.Topic))
                failures.Add($"{at}.{nameof(topic.Topic)} '{topic.Topic}' is listed twice.");

            // A namespace picks the topic a stream maps to, so two topics may not share one.
            if (string.IsNullOrWhiteSpace(topic.StreamNamespace))
                failures.Add($"{at}.{nameof(topic.StreamNamespace)} is required.");
            else if (!namespaces.Add(topic.StreamNamespace))
                failures.Add($"{at}.{nameof(topic.StreamNamespace)} '{topic.StreamNamespace}' is already used by another topic.");

            if (topic.PartitionCount < 1)
                failures.Add($"{at}.{nameof(topic.PartitionCount)} must be at least 1 (was {topic.PartitionCount}).");
        }
    }

    private static void ValidateDeadLetterTopic(KafkaStreamOptions options, List<string> failures)
    {
        const string D = $"{nameof(KafkaStreamOptions)}.{nameof(KafkaStreamOptions.DeadLetterTopic)}";
        var topic = options.DeadLetterTopic;
        if (string.IsNullOrWhiteSpace(topic))
            failures.Add($"{D} is required: records without a key, or that the decoder refuses, are written there.");
        else if (!IsKafkaTopicName(topic))
            failures.Add($"{D} '{topic}' is not a Kafka topic name: use 1 to 249 ASCII letters, digits, '.', '_' or '-'.");
        // Reading its own dead letters would send a bad record round forever.
        else if (options.Topics?.Any(t => t is not null && string.Equals(t.Topic, topic, StringComparison.Ordinal)) == true)
            failures.Add($"{D} '{topic}' is also one of the topics read ({nameof(KafkaStreamOptions)}.{nameof(KafkaStreamOptions.Topics)}); use a topic of its own.");
    }

    // Kafka's rule: 1 to 249 characters of ASCII letters, digits, '.', '_' and '-', and not "." or "..".
    private static bool IsKafkaTopicName(string? topic) =>
        !string.IsNullOrEmpty(topic) && topic.Length <= 249 && topic is not ("." or "..")
        && topic.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');
}
