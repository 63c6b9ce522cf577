using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Orleans;
using SupplyGrid.Geo;
using SupplyGrid.Grains;
using SupplyGrid.Grains.Configuration;
using SupplyGrid.Postgres;
using SupplyGrid.Silo.Storage;

namespace SupplyGrid.Silo.Tests;

[Collection(PostgresCollection.Name)]
public sealed class GridStorageTests(PostgresFixture postgres)
{
    private const string Key = "ConnectionStrings:Postgres";

    [Fact]
    public async Task A_malformed_connection_string_fails_the_start_naming_the_setting()
    {
        using var host = StorageHost.Build(new Dictionary<string, string?> { [Key] = "Host=localhost;Colour=blue" });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        Assert.Contains(Key, Describe(error));
    }

    [Fact]
    public async Task An_unreachable_database_fails_the_start_within_the_startup_timeout_naming_the_setting()
    {
        using var host = StorageHost.Build(new Dictionary<string, string?>
        {
            [Key] = $"Host=127.0.0.1;Port={UnusedPort()};Username=grid;Database=grid;Timeout=2",
            ["Postgres:StartupTimeout"] = "00:00:03",
        });
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<PostgresUnavailableException>(() => host.StartAsync());

        Assert.Contains(Key, error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_campaign_s_ledger_and_versions_reach_their_tables_and_its_spend_equals_the_ledger()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        using var host = StorageHost.Build(new Dictionary<string, string?> { [Key] = connectionString });
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var city = host.Services.GetRequiredService<CityDirectory>().Get(CitiesOptions.DefaultCityId);
        var pool = grains.GetGrain<ICampaignGrain>(city.PoolCampaignIds[0]);
        var now = DateTimeOffset.UtcNow;
        var cell = H3.LatLngToCell(new LatLng(1.3048, 103.8318), city.Resolution);
        ReservationRequest Request(string offer) => new(offer, "driver-1", cell, 1.5, 0.2, 0m, 0m, DateOnly.FromDateTime(now.UtcDateTime), now.AddMinutes(20));

        var paid = await pool.Reserve(Request("offer-paid"));
        var released = await pool.Reserve(Request("offer-released"));
        await pool.Commit("offer-paid", paid.Quote.Amount, SettlementOutcome.OnTime);
        await pool.Commit("offer-paid", paid.Quote.Amount, SettlementOutcome.OnTime);
        await pool.Release("offer-released", "declined");
        await pool.Pause();
        var metrics = await pool.GetMetrics();
        await host.StopAsync();

        Assert.True(paid.Granted && released.Granted);
        Assert.Equal(4L, await Scalar<long>("SELECT count(*) FROM driver_incentives"));
        Assert.Equal(metrics.Spent, await Scalar<decimal>("SELECT spent FROM campaign_ledger"));
        Assert.Equal(paid.Quote.Amount, metrics.Spent);
        Assert.Equal(released.Quote.Amount, await Scalar<decimal>("SELECT amount FROM driver_incentives WHERE offer_id = 'offer-released' AND kind = 'release'"));
        Assert.Equal("paused reposition_bonus infinity", await Scalar<string>(
            "SELECT status || ' ' || kind || ' ' || ends_at::text FROM incentive_campaigns_current"));
        // The pause wrote the campaign's row once; the four movements of one driver wrote that driver's ledger partition.
        Assert.Equal("campaign:1 ledger:4", await Scalar<string>(
            $"SELECT string_agg(split_part(state_name, '-', 1) || ':' || version, ' ' ORDER BY state_name) FROM grain_state WHERE grain_key = '{city.PoolCampaignIds[0]}'"));

        Task<T> Scalar<T>(string sql) => PostgresFixture.ScalarAsync<T>(connectionString, sql);
    }

    [Fact]
    public async Task Without_a_connection_string_the_grid_keeps_its_state_in_memory_and_health_says_so()
    {
        using var host = StorageHost.Build(new Dictionary<string, string?>());
        await host.StartAsync();
        var city = host.Services.GetRequiredService<CityDirectory>().Get(CitiesOptions.DefaultCityId);

        var metrics = await host.Services.GetRequiredService<IGrainFactory>().GetGrain<ICampaignGrain>(city.PoolCampaignIds[0]).GetMetrics();
        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        await host.StopAsync();

        Assert.Equal(0m, metrics.Spent);
        var storage = health.Entries[GridStorage.HealthCheckName];
        Assert.Equal(HealthStatus.Healthy, storage.Status);
        Assert.Equal("memory", storage.Data["provider"]);
    }

    private static string Describe(Exception error) =>
        error is AggregateException aggregate ? string.Join(" | ", aggregate.InnerExceptions.Select(Describe)) : error.ToString();

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
