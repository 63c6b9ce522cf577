namespace SupplyGrid.Kafka;

/// <summary>A topic the silo consumes or produces; the embedded broker creates every declared topic at start.</summary>
public sealed record KafkaTopicDeclaration(string Topic);
