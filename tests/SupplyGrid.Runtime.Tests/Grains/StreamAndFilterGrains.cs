using SupplyGrid.Kafka;

namespace SupplyGrid.Runtime.Tests.Grains;

public interface IStreamLogGrain : IGrainWithStringKey
{
    Task<IReadOnlyList<int>> Received();
}

[ImplicitStreamSubscription(Topic)]
public sealed class StreamLogGrain : Grain, IStreamLogGrain, IAsyncObserver<int>
{
    public const string Topic = "test.numbers";
    private readonly List<int> _received = [];

    public async Task OnNextAsync(int item, RecordPosition? token = null)
    {
        if (item < 0)
            throw new ArgumentOutOfRangeException(nameof(item), item, "negative numbers are refused");
        await Task.Yield();
        _received.Add(item);
    }

    public Task<IReadOnlyList<int>> Received() => Task.FromResult<IReadOnlyList<int>>(_received.ToArray());
}

/// <summary>Records every call it sees and doubles the results of Increment.</summary>
public sealed class DoublingFilter(Probe probe) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        probe.Record($"filter:{context.InterfaceName}.{context.MethodName}({string.Join(",", context.Arguments)})");
        await context.Invoke();
        if (context.MethodName == nameof(ICounterGrain.Increment))
            context.Result = (int)context.Result! * 2;
    }
}
