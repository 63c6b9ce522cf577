namespace SupplyGrid.Kafka;

/// <summary>Kafka's rule for topic names: 1 to 249 characters of ASCII letters, digits, '.', '_' and '-'.</summary>
public static class KafkaTopicName
{
    public const int MaxLength = 249;

    public static bool IsValid(string? topic) =>
        !string.IsNullOrEmpty(topic) && topic.Length <= MaxLength && topic is not ("." or "..") && topic.All(IsLegal);

    /// <exception cref="ArgumentException">The name breaks Kafka's rule.</exception>
    public static void ThrowIfInvalid(string? topic, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(topic))] string? argumentName = null)
    {
        if (!IsValid(topic))
            throw new ArgumentException(
                $"'{topic}' is not a Kafka topic name: use 1 to {MaxLength} ASCII letters, digits, '.', '_' or '-'.", argumentName);
    }

    private static bool IsLegal(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-';
}
