namespace SupplyGrid.Streaming.Kafka.Tests;

internal static class ExceptionText
{
    /// <summary>Every message in <paramref name="error"/>, its inner and aggregated exceptions included, for asserting on.</summary>
    public static string Flatten(Exception error) =>
        error is AggregateException aggregate
            ? string.Join(" | ", aggregate.InnerExceptions.Select(Flatten))
            : error.InnerException is null ? $"{error.GetType().Name}: {error.Message}" : $"{error.GetType().Name}: {error.Message} | {Flatten(error.InnerException)}";
}
