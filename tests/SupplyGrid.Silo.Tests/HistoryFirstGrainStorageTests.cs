using Orleans.Runtime;
using SupplyGrid.Silo.Storage;

namespace SupplyGrid.Silo.Tests;

public sealed class HistoryFirstGrainStorageTests
{
    private static readonly GrainId Campaign = GrainId.Create("campaign", "pool-1");

    private readonly DictionaryGrainStorage _inner = new();
    private readonly PendingHistoryWrites _pending = new();

    [Fact]
    public async Task A_state_write_waits_until_the_rows_the_grain_recorded_before_it_are_committed()
    {
        var storage = new HistoryFirstGrainStorage(_inner, _pending);
        var ledgerRow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending.Track(Campaign, ledgerRow.Task);

        var write = storage.WriteStateAsync("campaign", Campaign, new GrainState<int> { State = 7 });
        await Task.Delay(100);
        Assert.False(write.IsCompleted);
        Assert.False(_inner.Holds(Campaign, "campaign"));

        ledgerRow.SetResult();
        await write;
        Assert.True(_inner.Holds(Campaign, "campaign"));
    }

    [Fact]
    public async Task A_row_that_failed_fails_the_next_write_once_and_other_grains_do_not_wait_for_it()
    {
        var storage = new HistoryFirstGrainStorage(_inner, _pending);
        _pending.Track(Campaign, Task.FromException(new InvalidOperationException("rejected")));
        var otherCampaign = GrainId.Create("campaign", "pool-2");
        var driverWithTheSameKey = GrainId.Create("driver", "pool-1");

        await storage.WriteStateAsync("campaign", otherCampaign, new GrainState<int> { State = 1 });
        await storage.WriteStateAsync("driver", driverWithTheSameKey, new GrainState<int> { State = 1 });
        await Assert.ThrowsAsync<InvalidOperationException>(() => storage.WriteStateAsync("campaign", Campaign, new GrainState<int> { State = 2 }));
        Assert.False(_inner.Holds(Campaign, "campaign"));
        await storage.WriteStateAsync("campaign", Campaign, new GrainState<int> { State = 3 });

        Assert.True(_inner.Holds(Campaign, "campaign"));
    }

    [Fact]
    public async Task A_clear_waits_for_the_rows_too()
    {
        var storage = new HistoryFirstGrainStorage(_inner, _pending);
        await storage.WriteStateAsync("campaign", Campaign, new GrainState<int> { State = 1 });
        var ledgerRow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending.Track(Campaign, ledgerRow.Task);

        var clear = storage.ClearStateAsync("campaign", Campaign, new GrainState<int>());
        await Task.Delay(100);
        Assert.True(_inner.Holds(Campaign, "campaign"));

        ledgerRow.SetResult();
        await clear;
        Assert.False(_inner.Holds(Campaign, "campaign"));
    }

    [Fact]
    public async Task Rows_whose_commit_succeeded_leave_the_tracker_by_themselves()
    {
        var rows = Enumerable.Range(0, 3).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        foreach (var row in rows)
            _pending.Track(GrainId.Create("driver", $"d-{Array.IndexOf(rows, row)}"), row.Task);
        Assert.Equal(3, _pending.GrainCount);

        foreach (var row in rows)
            row.SetResult();

        await Eventually.TrueAsync(() => _pending.GrainCount == 0, "the tracker forgets committed rows");
    }
}
