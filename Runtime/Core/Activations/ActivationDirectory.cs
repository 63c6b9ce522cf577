using System.Collections.Concurrent;

namespace SupplyGrid.Runtime.Activations;

/// <summary>
/// The silo's activations by grain id: exactly one per id for ordinary grains, a small group per id for stateless
/// workers. An entry is removed only after its activation has fully deactivated.
/// </summary>
internal sealed class ActivationDirectory(GridRuntime runtime)
{
    private readonly ConcurrentDictionary<GrainId, Activation> _activations = new();
    private readonly ConcurrentDictionary<GrainId, StatelessWorkerGroup> _workers = new();

    public int Count => _activations.Count + _workers.Values.Sum(g => g.Count);

    /// <summary>The activation a message for <paramref name="grainId"/> should go to, created if there is none.</summary>
    public Activation Resolve(GrainId grainId, GrainClass grainClass)
    {
        if (grainClass.IsStatelessWorker)
            return _workers.GetOrAdd(grainId, static (id, state) => new StatelessWorkerGroup(state.runtime, state.grainClass, id), (runtime, grainClass)).Pick();
        if (_activations.TryGetValue(grainId, out var existing))
            return existing;
        runtime.ThrowIfStopping();
        return _activations.GetOrAdd(grainId, static (id, state) => new Activation(state.runtime, state.grainClass, id), (runtime, grainClass));
    }

    public bool TryGet(GrainId grainId, out Activation activation) => _activations.TryGetValue(grainId, out activation!);

    public void Remove(Activation activation)
    {
        if (activation.GrainClass.IsStatelessWorker)
        {
            if (_workers.TryGetValue(activation.GrainId, out var group))
                group.Remove(activation);
        }
        else
        {
            _activations.TryRemove(KeyValuePair.Create(activation.GrainId, activation));
        }
    }

    /// <summary>A moment's view of every activation (for the collector, timeouts, shutdown and metrics).</summary>
    public IEnumerable<Activation> All()
    {
        foreach (var activation in _activations.Values)
            yield return activation;
        foreach (var group in _workers.Values)
        {
            foreach (var worker in group.Workers())
                yield return worker;
        }
    }
}
