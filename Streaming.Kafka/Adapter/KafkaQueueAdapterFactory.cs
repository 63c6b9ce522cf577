using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Providers.Streams.Common;
using Orleans.Streams;

namespace SupplyGrid.Streaming.Kafka;

/// <summary>
/// What Orleans' persistent stream provider asks for: the Kafka adapter, the partition mapper, and a
/// <see cref="KafkaQueueCache"/> per partition. Registered by
/// <see cref="KafkaStreamsSiloBuilderExtensions.AddKafkaStreams"/>.
/// </summary>
public sealed class KafkaQueueAdapterFactory : IQueueAdapterFactory
{
    private readonly string _providerName;
    private readonly KafkaStreamOptions _options;
    private readonly KafkaQueueAdapter _adapter;
    private readonly IQueueAdapterCache _cache;
    private readonly ILogger _failureLogger;

    /// <summary>Builds the factory of the provider named <paramref name="providerName"/>.</summary>
    /// <param name="providerName">The stream provider name.</param>
    /// <param name="options">The provider's options (validated here too).</param>
    /// <param name="deadLetters">Where the provider's receivers write dead letters (shared by them).</param>
    /// <param name="statistics">Where the provider's receivers count.</param>
    /// <param name="loggerFactory">Creates the receivers' and caches' loggers.</param>
    /// <param name="time">The clock commit intervals are measured on (the system clock when null).</param>
    /// <exception cref="Orleans.Runtime.OrleansConfigurationException"><paramref name="options"/> are invalid.</exception>
    internal KafkaQueueAdapterFactory(
        string providerName,
        KafkaStreamOptions options,
        IKafkaDeadLetterSink deadLetters,
        KafkaStreamStatistics statistics,
        ILoggerFactory loggerFactory,
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(deadLetters);
        KafkaStreamOptionsValidator.ThrowIfInvalid(providerName, options);
        _providerName = providerName;
        _options = options;
        QueueMapper = new KafkaQueueMapper(options.Topics);
        _cache = new KafkaQueueAdapterCache(options.CacheSize);
        _adapter = new KafkaQueueAdapter(providerName, options, QueueMapper, deadLetters, statistics, loggerFactory, time ?? TimeProvider.System);
        _failureLogger = loggerFactory.CreateLogger($"{typeof(KafkaDeliveryFailureHandler).FullName}.{providerName}");
    }

    /// <summary>The partition mapper (also what a Kafka producer of these streams should agree with).</summary>
    public KafkaQueueMapper QueueMapper { get; }

    /// <summary>
    /// The factory of the provider named <paramref name="name"/>, from its named options and the services
    /// <see cref="KafkaStreamsSiloBuilderExtensions.AddKafkaStreams"/> registers under its name.
    /// </summary>
    public static KafkaQueueAdapterFactory Create(IServiceProvider services, string name) =>
        new(
            name,
            services.GetRequiredService<IOptionsMonitor<KafkaStreamOptions>>().Get(name),
            services.GetRequiredKeyedService<IKafkaDeadLetterSink>(name),
            services.GetRequiredKeyedService<KafkaStreamStatistics>(name),
            services.GetRequiredService<ILoggerFactory>(),
            services.GetService<TimeProvider>());

    /// <inheritdoc />
    public Task<IQueueAdapter> CreateAdapter() => CreateAdapter(CancellationToken.None);

    /// <summary>
    /// The adapter, once the cluster has been found to have every topic with the configured partition count and the
    /// dead-letter topic (<see cref="KafkaTopicCheck"/>): Orleans creates it as the silo starts, which then fails with
    /// the mismatches named.
    /// </summary>
    /// <exception cref="Orleans.Runtime.OrleansConfigurationException">The cluster disagrees with the options.</exception>
    public async Task<IQueueAdapter> CreateAdapter(CancellationToken cancellationToken)
    {
        // Metadata requests block: not on the silo's scheduler.
        var counts = await Task.Run(() => ClusterTopics.PartitionCounts(_options), cancellationToken);
        var problems = KafkaTopicCheck.Problems(_options, topic => counts.TryGetValue(topic, out var count) ? count : null);
        if (problems.Count > 0)
            throw new Orleans.Runtime.OrleansConfigurationException($"Kafka stream provider '{_providerName}': {string.Join("; ", problems)}.");
        return _adapter;
    }

    /// <inheritdoc />
    public IQueueAdapterCache GetQueueAdapterCache() => _cache;

    /// <inheritdoc />
    public IStreamQueueMapper GetStreamQueueMapper() => QueueMapper;

    /// <inheritdoc />
    /// <remarks>The handler dead-letters a record Orleans gave up delivering, through the queue's current receiver.</remarks>
    public Task<IStreamFailureHandler> GetDeliveryFailureHandler(QueueId queueId) =>
        Task.FromResult<IStreamFailureHandler>(new KafkaDeliveryFailureHandler(() => _adapter.ReceiverOf(queueId), _failureLogger));
}
