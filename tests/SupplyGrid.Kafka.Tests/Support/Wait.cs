namespace SupplyGrid.Kafka.Tests.Support;

/// <summary>Waits for a condition with a deadline, and fails the test loudly, naming what never happened, when it passes.</summary>
internal static class Wait
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    public static async Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TestKafka.Patience);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"timed out after {timeout ?? TestKafka.Patience} waiting until {what}");
            await Task.Delay(PollInterval);
        }
    }

    /// <summary>Awaits <paramref name="task"/>, failing when it has not finished by the deadline.</summary>
    public static async Task ForAsync(Task task, string what, TimeSpan? timeout = null)
    {
        try
        {
            await task.WaitAsync(timeout ?? TestKafka.Patience);
        }
        catch (TimeoutException e) when (!task.IsCompleted)
        {
            throw new TimeoutException($"timed out after {timeout ?? TestKafka.Patience} waiting for {what}", e);
        }
    }

    /// <inheritdoc cref="ForAsync(Task, string, TimeSpan?)"/>
    public static async Task<T> ForAsync<T>(Task<T> task, string what, TimeSpan? timeout = null)
    {
        await ForAsync((Task)task, what, timeout);
        return await task;
    }
}
