using SupplyGrid.Runtime.Invocation;

namespace SupplyGrid.Runtime;

/// <summary>Walks the filter chain, then calls the grain.</summary>
internal sealed class IncomingGrainCallContext<TResult>(GrainRequest<TResult> request, object grain, IReadOnlyList<IIncomingGrainCallFilter> filters)
    : IIncomingGrainCallContext
{
    private int _nextFilter;
    private object?[]? _arguments;

    public object Grain => grain;

    public GrainId TargetId => ((Grain)grain).GrainId;

    public GrainMethod Method => request.Method;

    public object?[] Arguments => _arguments ??= request.GetArguments();

    public object? Result { get; set; }

    public async Task Invoke()
    {
        if (_nextFilter < filters.Count)
        {
            await filters[_nextFilter++].Invoke(this);
            return;
        }

        Result = await request.InvokeGrain(grain);
    }
}
