using Orleans.Storage;

namespace SupplyGrid.Postgres.Tests.Cluster;

/// <summary>Grain state through Orleans' persistent state, stored by the PostgreSQL provider in a running silo.</summary>
[Collection(PostgresCollection.Name)]
public sealed class GrainStateTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_state_written_by_a_grain_is_read_back_by_its_next_activation_from_its_grain_state_row()
    {
        var silo = await postgres.SharedClusterAsync();
        var ana = silo.Grains.GetGrain<IProfileGrain>("round-trip");
        await ana.Save("Ana");
        await ana.Save("Ana Lim");

        await silo.Cluster.DeactivateAsync(ana);

        Assert.Equal(("Ana Lim", "2"), (await ana.Name(), await ana.Etag()));
        Assert.Equal("Ana Lim 2", await Scalar<string>(
            "SELECT (payload->>'Name') || ' ' || version FROM grain_state WHERE grain_type = 'profile' AND grain_key = 'round-trip' AND state_name = 'profile'"));

        Task<T> Scalar<T>(string sql) => PostgresFixture.ScalarAsync<T>(silo.ConnectionString, sql);
    }

    [Fact]
    public async Task A_write_over_a_row_another_writer_changed_fails_with_an_etag_conflict_and_the_next_activation_reads_that_writer_s_state()
    {
        var silo = await postgres.SharedClusterAsync();
        var grain = silo.Grains.GetGrain<IProfileGrain>("conflict");
        await grain.Save("mine");
        await PostgresFixture.ExecuteAsync(silo.ConnectionString,
            """UPDATE grain_state SET payload = '{"Name": "theirs"}', version = version + 1 WHERE grain_type = 'profile' AND grain_key = 'conflict'""");

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => grain.Save("mine again"));

        Assert.Equal(("2", "1"), (conflict.StoredEtag, conflict.CurrentEtag));
        // Orleans deactivates the activation whose state is stale; the next call reads the row again.
        await Eventually.TrueAsync(async () => await grain.Name() == "theirs", "the grain to read the other writer's state");
        Assert.Equal("2", await grain.Etag());
    }

    [Fact]
    public async Task A_cleared_state_deletes_its_row_and_the_grain_starts_afresh()
    {
        var silo = await postgres.SharedClusterAsync();
        var grain = silo.Grains.GetGrain<IProfileGrain>("cleared");
        await grain.Save("gone soon");

        await grain.Clear();

        Assert.Equal(((string?)null, (string?)null), (await grain.Name(), await grain.Etag()));
        Assert.Equal(0L, await PostgresFixture.ScalarAsync<long>(silo.ConnectionString, "SELECT count(*) FROM grain_state WHERE grain_key = 'cleared'"));
        await grain.Save("back");
        Assert.Equal("1", await grain.Etag());
    }

    [Fact]
    public async Task A_provider_registered_by_name_stores_with_its_own_named_options()
    {
        var silo = await postgres.SharedClusterAsync();

        await silo.Grains.GetGrain<INoteGrain>("named").Save("kept in the archive");

        Assert.Equal("kept in the archive", await PostgresFixture.ScalarAsync<string>(silo.ConnectionString,
            "SELECT payload->>'note_text' FROM grain_state WHERE grain_type = 'note' AND grain_key = 'named' AND state_name = 'note'"));
    }
}
