using System.Collections.Concurrent;

namespace SupplyGrid.Lockstep.Tests.Grains;

/// <summary>How many hops each baton made (a silo singleton the tests read).</summary>
public sealed class RelayLog
{
    private readonly ConcurrentDictionary<string, int> _hops = new();

    public void Hop(string baton) => _hops.AddOrUpdate(baton, 1, (_, n) => n + 1);

    public int Hops(string baton) => _hops.GetValueOrDefault(baton);
}
