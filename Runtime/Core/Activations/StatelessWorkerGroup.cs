namespace SupplyGrid.Runtime.Activations;

/// <summary>
/// The local activations of one <c>[StatelessWorker]</c> grain id: a call goes to an idle worker, or a new one while
/// under the limit, or else the worker with the shortest mailbox.
/// </summary>
internal sealed class StatelessWorkerGroup(GridRuntime runtime, GrainClass grainClass, GrainId grainId)
{
    private readonly Lock _lock = new();
    private Activation[] _workers = [];

    public int Count => Volatile.Read(ref _workers).Length;

    public Activation[] Workers() => Volatile.Read(ref _workers);

    public Activation Pick()
    {
        var workers = Volatile.Read(ref _workers);
        Activation? shortest = null;
        foreach (var worker in workers)
        {
            if (worker.IsIdle && worker.Phase == ActivationPhase.Active)
                return worker;
            if (shortest is null || worker.MailboxDepth < shortest.MailboxDepth)
                shortest = worker;
        }

        if (workers.Length < grainClass.MaxLocalWorkers)
        {
            runtime.ThrowIfStopping();
            lock (_lock)
            {
                if (_workers.Length < grainClass.MaxLocalWorkers)
                {
                    var created = new Activation(runtime, grainClass, grainId);
                    _workers = [.. _workers, created];
                    return created;
                }
            }
        }

        return shortest ?? Pick();
    }

    public void Remove(Activation worker)
    {
        lock (_lock)
            _workers = Array.FindAll(_workers, w => !ReferenceEquals(w, worker));
    }
}
