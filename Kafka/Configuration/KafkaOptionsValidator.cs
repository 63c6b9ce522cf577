using Microsoft.Extensions.Options;

namespace SupplyGrid.Kafka;

/// <summary>Checks <c>Kafka:*</c> at start; every message names the setting and the value found.</summary>
public sealed class KafkaOptionsValidator : IValidateOptions<KafkaOptions>
{
    private const string Section = KafkaOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, KafkaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (options.BootstrapServers is { } servers && string.IsNullOrWhiteSpace(servers))
            failures.Add($"{Section}:BootstrapServers is blank: remove it to use the embedded broker, or name host:port pairs.");
        if (string.IsNullOrWhiteSpace(options.GroupId))
            failures.Add($"{Section}:GroupId must not be empty.");
        RequireTopicName(failures, $"{Section}:DeadLetterTopic", options.DeadLetterTopic);
        RequireAtLeast(failures, $"{Section}:DefaultPartitions", options.DefaultPartitions, 1);
        for (var i = 0; i < options.Topics.Count; i++)
        {
            RequireTopicName(failures, $"{Section}:Topics:{i}:Name", options.Topics[i].Name);
            RequireAtLeast(failures, $"{Section}:Topics:{i}:Partitions", options.Topics[i].Partitions, 1);
        }

        RequirePositive(failures, $"{Section}:CommitInterval", options.CommitInterval);
        if (options.AutoOffsetReset is not ("earliest" or "latest"))
            failures.Add($"{Section}:AutoOffsetReset must be 'earliest' or 'latest' (was '{options.AutoOffsetReset}').");
        RequireAtLeast(failures, $"{Section}:EmbeddedBrokers", options.EmbeddedBrokers, 1);

        var outbox = options.Outbox;
        if (outbox.Linger < TimeSpan.Zero)
            failures.Add($"{Section}:Outbox:Linger must not be negative (was {outbox.Linger}).");
        RequireAtLeast(failures, $"{Section}:Outbox:Capacity", outbox.Capacity, 1);
        RequirePositive(failures, $"{Section}:Outbox:EnqueueTimeout", outbox.EnqueueTimeout);
        RequirePositive(failures, $"{Section}:Outbox:DeliveryTimeout", outbox.DeliveryTimeout);
        RequirePositive(failures, $"{Section}:Outbox:FlushTimeout", outbox.FlushTimeout);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequireAtLeast(List<string> failures, string setting, int value, int minimum)
    {
        if (value < minimum)
            failures.Add($"{setting} must be at least {minimum} (was {value}).");
    }

    private static void RequirePositive(List<string> failures, string setting, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
            failures.Add($"{setting} must be a positive duration such as 00:00:01 (was {value}).");
    }

    private static void RequireTopicName(List<string> failures, string setting, string? value)
    {
        if (!KafkaTopicName.IsValid(value))
            failures.Add($"{setting} must be a Kafka topic name of 1 to {KafkaTopicName.MaxLength} ASCII letters, digits, '.', '_' or '-' (was '{value}').");
    }
}
