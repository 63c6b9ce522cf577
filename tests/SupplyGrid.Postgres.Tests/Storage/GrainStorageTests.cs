using System.Text.Json;
using Npgsql;
using Orleans.Runtime;
using Orleans.Storage;

namespace SupplyGrid.Postgres.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class GrainStorageTests(PostgresFixture postgres)
{
    private static readonly GrainId Driver = GrainId.Create("driver", "D-1");

    [Fact]
    public async Task Reading_a_state_never_written_finds_no_record_and_leaves_a_fresh_state()
    {
        await using var harness = StorageHarness.Open(await postgres.CreateMigratedDatabaseAsync());
        var state = new StateHolder<Profile> { State = new Profile { Name = "left over" }, ETag = "stale" };

        await harness.Storage.ReadStateAsync("profile", Driver, state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Equal((null, 0), (state.State.Name, state.State.Visits));
    }

    [Fact]
    public async Task Writes_are_read_back_with_a_version_etag_that_grows_by_one()
    {
        await using var harness = StorageHarness.Open(await postgres.CreateMigratedDatabaseAsync());
        var state = new StateHolder<Profile> { State = new Profile { Name = "Ana", Visits = 1 } };

        await harness.Storage.WriteStateAsync("profile", Driver, state);
        Assert.Equal("1", state.ETag);
        state.State.Visits = 2;
        await harness.Storage.WriteStateAsync("profile", Driver, state);
        Assert.Equal("2", state.ETag);

        var read = new StateHolder<Profile>();
        await harness.Storage.ReadStateAsync("profile", Driver, read);
        Assert.True(read.RecordExists);
        Assert.Equal("2", read.ETag);
        Assert.Equal(("Ana", 2), (read.State.Name, read.State.Visits));
    }

    [Fact]
    public async Task The_state_is_stored_as_jsonb_with_the_configured_serializer_options()
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        await using var harness = StorageHarness.Open(connectionString,
            o => o.SerializerOptions = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower });

        await harness.Storage.WriteStateAsync("profile", Driver, new StateHolder<Profile> { State = new Profile { Name = "Ana", Visits = 7 } });

        Assert.Equal(7, await PostgresFixture.ScalarAsync<int>(connectionString,
            "SELECT (payload->>'visits')::int FROM grain_state WHERE grain_type = 'driver' AND grain_key = 'D-1' AND state_name = 'profile'"));
    }

    [Fact]
    public async Task Of_two_writers_holding_the_same_etag_the_second_fails_and_the_first_state_stays()
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        await using var silo1 = StorageHarness.Open(connectionString);
        await using var silo2 = StorageHarness.Open(connectionString);
        await silo1.Storage.WriteStateAsync("profile", Driver, new StateHolder<Profile> { State = new Profile { Name = "v1" } });
        var first = new StateHolder<Profile>();
        var second = new StateHolder<Profile>();
        await silo1.Storage.ReadStateAsync("profile", Driver, first);
        await silo2.Storage.ReadStateAsync("profile", Driver, second);

        first.State.Name = "first";
        await silo1.Storage.WriteStateAsync("profile", Driver, first);
        second.State.Name = "second";
        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => silo2.Storage.WriteStateAsync("profile", Driver, second));

        Assert.Equal("2", error.StoredEtag);
        Assert.Equal("1", error.CurrentEtag);
        Assert.Equal("1", second.ETag);
        var read = new StateHolder<Profile>();
        await silo2.Storage.ReadStateAsync("profile", Driver, read);
        Assert.Equal("first", read.State.Name);
    }

    [Fact]
    public async Task Of_many_racing_first_writes_exactly_one_inserts()
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        var silos = Enumerable.Range(0, 8).Select(_ => StorageHarness.Open(connectionString)).ToArray();
        try
        {
            using var start = new ManualResetEventSlim();
            var writes = silos.Select((silo, i) => Task.Run(async () =>
            {
                start.Wait();
                var state = new StateHolder<Profile> { State = new Profile { Name = $"writer {i}" } };
                try
                {
                    await silo.Storage.WriteStateAsync("profile", Driver, state);
                    return (Writer: i, Won: true, Stored: (string?)null);
                }
                catch (InconsistentStateException conflict)
                {
                    return (Writer: i, Won: false, Stored: conflict.StoredEtag);
                }
            })).ToArray();
            start.Set();
            var outcomes = await Task.WhenAll(writes);

            var winner = Assert.Single(outcomes, o => o.Won);
            Assert.All(outcomes.Where(o => !o.Won), o => Assert.Equal("1", o.Stored));
            var read = new StateHolder<Profile>();
            await silos[0].Storage.ReadStateAsync("profile", Driver, read);
            Assert.Equal($"writer {winner.Writer}", read.State.Name);
            Assert.Equal("1", read.ETag);
        }
        finally
        {
            foreach (var silo in silos)
                await silo.DisposeAsync();
        }
    }

    [Fact]
    public async Task Clear_with_the_current_etag_deletes_the_row_leaving_a_fresh_state_and_a_stale_etag_cannot_clear_or_write_after_it()
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        await using var harness = StorageHarness.Open(connectionString);
        var state = new StateHolder<Profile> { State = new Profile { Name = "gone soon" } };
        await harness.Storage.WriteStateAsync("profile", Driver, state);
        var stale = new StateHolder<Profile> { State = new Profile(), ETag = state.ETag };
        await harness.Storage.WriteStateAsync("profile", Driver, state);

        await Assert.ThrowsAsync<InconsistentStateException>(() => harness.Storage.ClearStateAsync("profile", Driver, stale));
        await harness.Storage.ClearStateAsync("profile", Driver, state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Null(state.State.Name);
        Assert.Equal(0, await PostgresFixture.ScalarAsync<long>(connectionString, "SELECT count(*) FROM grain_state"));
        var afterClear = await Assert.ThrowsAsync<InconsistentStateException>(() => harness.Storage.WriteStateAsync("profile", Driver, stale));
        Assert.Null(afterClear.StoredEtag);
    }

    [Fact]
    public async Task Clearing_a_state_never_written_succeeds_only_while_no_row_exists()
    {
        await using var harness = StorageHarness.Open(await postgres.CreateMigratedDatabaseAsync());

        await harness.Storage.ClearStateAsync("profile", Driver, new StateHolder<Profile>());
        await harness.Storage.WriteStateAsync("profile", Driver, new StateHolder<Profile> { State = new Profile() });
        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => harness.Storage.ClearStateAsync("profile", Driver, new StateHolder<Profile>()));

        Assert.Equal("1", error.StoredEtag);
    }

    [Fact]
    public async Task A_state_the_database_refuses_fails_alone_and_the_writes_batched_with_it_succeed()
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        await using var harness = StorageHarness.Open(connectionString, o => o.MaxConcurrentBatches = 1);
        // Hold the only lane on a locked table so that the writes below queue up and go out as one batch.
        await using var stall = await TableLock.TakeAsync(connectionString, "grain_state");
        var blocked = harness.Storage.WriteStateAsync("profile", GrainId.Create("driver", "blocked"), new StateHolder<Profile> { State = new Profile() });
        await Task.Delay(100);

        var good = Enumerable.Range(0, 20)
            .Select(i => harness.Storage.WriteStateAsync("profile", GrainId.Create("driver", $"good-{i}"), new StateHolder<Profile> { State = new Profile { Visits = i } }))
            .ToArray();
        // jsonb cannot hold \u0000, which System.Text.Json writes for a NUL character.
        var bad = harness.Storage.WriteStateAsync("profile", GrainId.Create("driver", "bad"), new StateHolder<Profile> { State = new Profile { Name = "a\0b" } });
        await stall.DisposeAsync();

        await blocked;
        await Task.WhenAll(good);
        await Assert.ThrowsAsync<PostgresException>(() => bad);
        Assert.Equal(21, await PostgresFixture.ScalarAsync<long>(connectionString, "SELECT count(*) FROM grain_state"));
    }

    [Fact]
    public async Task A_write_whose_commit_reply_was_lost_is_retried_and_recognised_as_the_writers_own()
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        await using var proxy = new ReplyDroppingProxy(connectionString);
        await using var harness = StorageHarness.Open(proxy.ConnectionString, o => o.MaxConcurrentBatches = 1);
        var state = new StateHolder<Profile> { State = new Profile { Name = "first" } };
        await harness.Storage.ReadStateAsync("profile", Driver, state);

        proxy.DropNextReply();
        await harness.Storage.WriteStateAsync("profile", Driver, state);
        state.State.Name = "second";
        proxy.DropNextReply();
        await harness.Storage.WriteStateAsync("profile", Driver, state);

        Assert.Equal(2, proxy.Dropped);
        Assert.Equal("2", state.ETag);
        Assert.Equal(2, await PostgresFixture.ScalarAsync<int>(connectionString, "SELECT version FROM grain_state"));
        Assert.Equal("second", await PostgresFixture.ScalarAsync<string>(connectionString, "SELECT payload->>'Name' FROM grain_state"));
    }

    [Fact]
    public async Task Operations_on_one_row_queued_together_run_in_order_as_if_one_after_the_other()
    {
        await using var harness = StorageHarness.Open(await postgres.CreateMigratedDatabaseAsync(), o => o.MaxConcurrentBatches = 1);
        var first = new StateHolder<Profile> { State = new Profile { Name = "first" } };
        var second = new StateHolder<Profile> { State = new Profile { Name = "second" } };

        var writes = new[] { harness.Storage.WriteStateAsync("profile", Driver, first), harness.Storage.WriteStateAsync("profile", Driver, second) };
        var outcome = await Task.WhenAll(writes.Select(async w =>
        {
            try
            {
                await w;
                return "written";
            }
            catch (InconsistentStateException)
            {
                return "conflict";
            }
        }));

        Assert.Equal(["written", "conflict"], outcome);
        var read = new StateHolder<Profile>();
        await harness.Storage.ReadStateAsync("profile", Driver, read);
        Assert.Equal(("first", "1"), (read.State.Name, read.ETag));
    }

    [Fact]
    public async Task An_unreachable_database_fails_the_write_with_an_error_naming_the_endpoint_and_reports_it_in_health()
    {
        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = ClosedPort(),
            Database = "supplygrid",
            Username = "grid",
            Timeout = 2,
        }.ConnectionString;
        await using var harness = StorageHarness.Open(connectionString, maxRetries: 1);

        var error = await Assert.ThrowsAsync<PostgresUnavailableException>(
            () => harness.Storage.WriteStateAsync("profile", Driver, new StateHolder<Profile> { State = new Profile() }));

        var endpoint = $"127.0.0.1:{new NpgsqlConnectionStringBuilder(connectionString).Port}/supplygrid";
        Assert.Equal(endpoint, error.Endpoint);
        Assert.Contains(endpoint, error.Message);
        Assert.Contains("ConnectionStrings:Postgres", error.Message);
        var status = harness.Database.Health.GetStatus();
        Assert.False(status.Healthy);
        Assert.NotNull(status.LastError);
    }

    [Fact]
    public async Task Names_PostgreSQL_cannot_store_are_refused_before_anything_is_sent()
    {
        await using var harness = StorageHarness.Open(await postgres.CreateMigratedDatabaseAsync());

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => harness.Storage.WriteStateAsync("pro\0file", Driver, new StateHolder<Profile> { State = new Profile() }));

        Assert.Equal("stateName", error.ParamName);
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
