using Orleans.Core;
using System.Numerics;
using Orleans;
using Orleans.Runtime;

namespace SupplyGrid.Grains.Campaigns;

/// <summary>
/// A campaign's ledger as <see cref="PartitionCount"/> persistent states ("ledger-0" ...), a driver's movements all in
/// the partition its id hashes to. A movement writes one partition, so its cost does not grow with the offers in
/// flight across the campaign; the totals are sums over the partitions.
/// </summary>
internal sealed class CampaignLedger
{
    public const int PartitionCount = 16;

    private readonly IPersistentState<LedgerPartition>[] _partitions = new IPersistentState<LedgerPartition>[PartitionCount];

    /// <summary>Call from the grain's constructor: the partitions are read before <c>OnActivateAsync</c>.</summary>
    public CampaignLedger(IPersistentStateFactory factory, IGrainContext context)
    {
        for (var i = 0; i < PartitionCount; i++)
            _partitions[i] = factory.Create<LedgerPartition>(context, new LedgerStateConfiguration($"ledger-{i}"));
    }

    public LedgerPartition this[int index] => _partitions[index].State;

    public decimal Spent => Sum(p => p.Spent);

    public decimal Reserved => Sum(p => p.Reserved);

    public int OpenCount => Sum(p => p.Open.Count);

    /// <summary>
    /// The partition of a driver: FNV-1a over the id's characters, stable across processes (unlike
    /// <see cref="string.GetHashCode()"/>), since it decides where the driver's rows are stored.
    /// </summary>
    public static int IndexOf(string driverId)
    {
        var hash = 2166136261u;
        foreach (var c in driverId)
            hash = (hash ^ c) * 16777619u;
        return (int)(hash % PartitionCount);
    }

    /// <summary>The partition holding an open reservation for <paramref name="offerId"/>, or -1.</summary>
    public int FindOpen(string offerId, out Reservation? reservation)
    {
        for (var i = 0; i < PartitionCount; i++)
        {
            if (_partitions[i].State.Open.TryGetValue(offerId, out reservation))
                return i;
        }

        reservation = null;
        return -1;
    }

    public IStorage Storage(int index) => _partitions[index];

    /// <summary>A figure summed over the partitions (spent, reserved, counters).</summary>
    public T Sum<T>(Func<LedgerPartition, T> of) where T : INumber<T>
    {
        var total = T.Zero;
        foreach (var partition in _partitions)
            total += of(partition.State);
        return total;
    }

    public DateTimeOffset LatestUpdate(DateTimeOffset campaignUpdatedAt)
    {
        var latest = campaignUpdatedAt;
        foreach (var partition in _partitions)
        {
            if (partition.State.UpdatedAt > latest)
                latest = partition.State.UpdatedAt;
        }

        return latest;
    }
}

/// <summary>One ledger partition's state, in the grain's default storage.</summary>
internal sealed class LedgerStateConfiguration(string stateName) : IPersistentStateConfiguration
{
    public string StateName { get; } = stateName;

    public string? StorageName => null;
}
