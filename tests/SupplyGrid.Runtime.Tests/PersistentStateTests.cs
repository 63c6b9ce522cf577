using SupplyGrid.Runtime.Storage;
using SupplyGrid.Runtime.Tests.Grains;

namespace SupplyGrid.Runtime.Tests;

public sealed class PersistentStateTests
{
    private sealed class Holder<T> : IGrainState<T>
    {
        public T State { get; set; } = default!;

        public string? ETag { get; set; }

        public bool RecordExists { get; set; }
    }

    [Fact]
    public async Task Written_state_is_read_back_on_reactivation_and_unwritten_changes_are_lost()
    {
        var (host, probe) = await TestSilo.StartAsync();
        await using var _ = host;
        var grain = host.GrainFactory.GetGrain<IStatefulGrain>("p");
        Assert.False(await grain.RecordExists());

        await grain.SetAndWrite("written");
        await grain.SetWithoutWriting("not written");
        await grain.Deactivate();
        await Task.Delay(50);

        Assert.Equal("written", await grain.Value());
        Assert.True(await grain.RecordExists());
        Assert.Contains("activated with:written", probe.Events);
    }

    [Fact]
    public async Task States_created_through_the_factory_are_stored_apart_and_read_back_on_reactivation()
    {
        var (host, _) = await TestSilo.StartAsync();
        await using var __ = host;
        var grain = host.GrainFactory.GetGrain<IPartitionedGrain>("ledger");

        await grain.Add(0, 5);
        await grain.Add(2, 7);
        await grain.Add(2, 1);
        var id = new GrainId("partitioned", "ledger");
        // Only the partitions written have rows, each at its own version.
        var part2 = new Holder<PartitionedGrain.Counter>();
        await host.Storage.ReadStateAsync("part-2", id, part2);
        var part1 = new Holder<PartitionedGrain.Counter>();
        await host.Storage.ReadStateAsync("part-1", id, part1);
        await grain.Deactivate();
        await Task.Delay(50);

        Assert.Equal(new[] { 5, 0, 8 }, await grain.Totals());
        Assert.Equal(2, host.Storage.Count);
        Assert.Equal((8, "2"), (part2.State.Total, part2.ETag));
        Assert.False(part1.RecordExists);
    }

    [Fact]
    public async Task A_state_created_after_the_constructor_is_refused()
    {
        var (host, _) = await TestSilo.StartAsync();
        await using var __ = host;
        var grain = host.GrainFactory.GetGrain<IPartitionedGrain>("late");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.CreateLateState());

        Assert.Contains("'late'", error.Message);
        Assert.Contains("constructor", error.Message);
    }

    [Fact]
    public async Task Clear_removes_the_record()
    {
        var (host, _) = await TestSilo.StartAsync();
        await using var __ = host;
        var grain = host.GrainFactory.GetGrain<IStatefulGrain>("c");
        await grain.SetAndWrite("x");

        await grain.Clear();
        await grain.Deactivate();
        await Task.Delay(50);

        Assert.False(await grain.RecordExists());
        Assert.Null(await grain.Value());
        Assert.Equal(0, host.Storage.Count);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_fails_with_InconsistentStateException()
    {
        var (host, _) = await TestSilo.StartAsync();
        await using var __ = host;
        var grain = host.GrainFactory.GetGrain<IStatefulGrain>("race");
        await grain.SetAndWrite("mine");
        var id = new GrainId("stateful", "race");

        // Another writer (another silo, say) reads the same row and writes it first.
        var other = new Holder<StatefulGrain.Profile>();
        await host.Storage.ReadStateAsync("profile", id, other);
        other.State.Value = "theirs";
        await host.Storage.WriteStateAsync("profile", id, other);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => grain.SetAndWrite("mine again"));
        Assert.Equal("2", error.StoredEtag);
        Assert.Equal("1", error.CurrentEtag);
    }

    [Fact]
    public async Task Two_first_writers_cannot_both_insert()
    {
        var storage = new MemoryGrainStorage();
        var id = new GrainId("stateful", "new");
        var first = new Holder<StatefulGrain.Profile> { State = new() { Value = "a" } };
        var second = new Holder<StatefulGrain.Profile> { State = new() { Value = "b" } };

        await storage.WriteStateAsync("profile", id, first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("profile", id, second));
        var read = new Holder<StatefulGrain.Profile>();
        await storage.ReadStateAsync("profile", id, read);
        Assert.Equal("a", read.State.Value);
        Assert.Equal("1", read.ETag);
    }

    [Fact]
    public async Task A_by_reference_store_keeps_the_written_object_and_still_checks_etags()
    {
        var storage = MemoryGrainStorage.ByReference();
        var id = new GrainId("stateful", "by-reference");
        var writer = new Holder<StatefulGrain.Profile> { State = new() { Value = "a" } };
        await storage.WriteStateAsync("profile", id, writer);

        var read = new Holder<StatefulGrain.Profile>();
        await storage.ReadStateAsync("profile", id, read);
        Assert.Same(writer.State, read.State);
        Assert.Equal("1", read.ETag);

        var stale = new Holder<StatefulGrain.Profile> { State = new() { Value = "b" } };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("profile", id, stale));
        await storage.WriteStateAsync("profile", id, read);
        Assert.Equal("2", read.ETag);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("profile", id, writer));
    }
}
