using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SupplyGrid.Api.Configuration;
using SupplyGrid.Api.Heatmaps;
using SupplyGrid.Geo;
using SupplyGrid.Grains;
using SupplyGrid.Grains.Ports;

namespace SupplyGrid.Api.Tests.Units;

public sealed class HeatmapCacheTests
{
    private readonly FakeCity _city = new();
    private readonly HeatmapCache _cache;

    public HeatmapCacheTests()
    {
        _cache = new HeatmapCache(FakeGrains(_city), Options.Create(new HeatmapOptions { CacheMaxAge = TimeSpan.FromMinutes(1) }), NullLogger<HeatmapCache>.Instance);
    }

    [Fact]
    public async Task Readers_share_one_fetch_until_the_city_changes()
    {
        _city.Drivers = 3;
        var first = await _cache.GetAsync("singapore");
        var second = await _cache.GetAsync("singapore");

        Assert.Same(first, second);
        Assert.Equal(1, _city.Fetches);
        Assert.Equal(3, JsonDocument.Parse(first.Json).RootElement.GetProperty("drivers").GetInt32());
    }

    [Fact]
    public async Task After_a_change_a_reader_gets_the_previous_heatmap_at_once_and_a_later_one_the_new()
    {
        _city.Drivers = 3;
        var old = await _cache.GetAsync("singapore");
        _city.Drivers = 4;

        _cache.OnCityChange(Change("singapore"));
        var immediately = await _cache.GetAsync("singapore");
        var fresh = await _cache.GetFreshAsync("singapore");

        Assert.Same(old, immediately);
        Assert.Equal(4, JsonDocument.Parse(fresh.Json).RootElement.GetProperty("drivers").GetInt32());
        Assert.NotEqual(old.ETag, fresh.ETag);
        Assert.Same(fresh, await _cache.GetAsync("singapore"));
        Assert.Equal(2, _city.Fetches);
    }

    [Fact]
    public async Task A_change_of_another_city_leaves_the_entry_alone()
    {
        var cached = await _cache.GetAsync("singapore");

        _cache.OnCityChange(Change("elsewhere"));

        Assert.Same(cached, await _cache.GetFreshAsync("singapore"));
        Assert.Equal(1, _city.Fetches);
    }

    [Fact]
    public async Task A_failed_first_fetch_fails_its_readers_and_the_next_reader_tries_again()
    {
        _city.Fail = true;
        await Assert.ThrowsAsync<TimeoutException>(async () => await _cache.GetAsync("singapore"));

        _city.Fail = false;
        var cached = await _cache.GetAsync("singapore");

        Assert.Equal(2, _city.Fetches);
        Assert.NotEmpty(cached.Json);
    }

    [Fact]
    public async Task A_heatmap_is_dated_by_the_grid_s_clock_not_the_API_s()
    {
        // The grid runs on a clock of its own (a test's manual clock, another process): streams compare change times with this.
        _city.UpdatedAt = new DateTimeOffset(2020, 2, 3, 4, 5, 6, TimeSpan.Zero);

        var cached = await _cache.GetAsync("singapore");

        Assert.Equal(_city.UpdatedAt, cached.AsOf);
    }

    [Fact]
    public async Task Figures_are_rounded_for_the_wire()
    {
        _city.Ratio = 0.123456789;

        var cached = await _cache.GetAsync("singapore");

        var zone = JsonDocument.Parse(cached.Json).RootElement.GetProperty("zones")[0];
        Assert.Equal(0.123, zone.GetProperty("ratio").GetDouble());
        Assert.Equal(1.283333, zone.GetProperty("centre").GetProperty("lat").GetDouble());
    }

    private static CityChange Change(string city) =>
        new(city, DateTimeOffset.UtcNow, [], [], new CityMetrics(city, DateTimeOffset.UtcNow, "SGD", 0, 0, 0, 0, 0, 1, default, null, null, 0, 0, null));

    /// <summary>A grain factory that hands out the one city grain and knows nothing else.</summary>
    private static IGrainFactory FakeGrains(ICityGrain city)
    {
        var factory = DispatchProxy.Create<IGrainFactory, CityOnlyGrainFactory>();
        ((CityOnlyGrainFactory)(object)factory).City = city;
        return factory;
    }

    public class CityOnlyGrainFactory : DispatchProxy
    {
        public ICityGrain? City { get; set; }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            targetMethod is { Name: nameof(IGrainFactory.GetGrain) } && targetMethod.ReturnType == typeof(ICityGrain)
                ? City
                : throw new NotSupportedException($"Only the city grain is faked, not {targetMethod}.");
    }

    /// <summary>Answers heatmap queries from settable figures and counts them; nothing else is asked of it.</summary>
    private sealed class FakeCity : ICityGrain
    {
        private int _fetches;

        public int Drivers { get; set; }

        public double Ratio { get; set; } = 1;

        public bool Fail { get; set; }

        public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;

        public int Fetches => Volatile.Read(ref _fetches);

        public Task<Heatmap> GetHeatmap()
        {
            Interlocked.Increment(ref _fetches);
            if (Fail)
                return Task.FromException<Heatmap>(new TimeoutException("the city did not answer"));
            var zone = new HeatmapZone("886520d8a5fffff", new LatLng(1.28333333333, 103.85), 1, 1, Drivers, 1, Ratio, SupplyStatus.Balanced, 1, UpdatedAt);
            return Task.FromResult(new Heatmap("singapore", UpdatedAt, Drivers, 1, Ratio, SupplyStatus.Balanced, [zone]));
        }

        public Task CellUpdated(CellSnapshot snapshot) => throw new NotSupportedException();

        public Task CellRetired(string cell) => throw new NotSupportedException();

        public Task OfferReported(OfferOutcomeReport report) => throw new NotSupportedException();

        public Task CampaignChanged(CampaignSummary summary) => throw new NotSupportedException();

        public Task TripCompleted(QuestTrip trip) => throw new NotSupportedException();

        public Task<CityInfo> GetInfo() => throw new NotSupportedException();

        public Task<IReadOnlyList<Hotspot>> GetHotspots(int top) => throw new NotSupportedException();

        public Task<IReadOnlyList<Hotspot>> GetHotspotsNear(LatLng point, double radiusKm, int top) => throw new NotSupportedException();

        public Task<CityMetrics> GetMetrics() => throw new NotSupportedException();

        public Task<IReadOnlyList<CampaignSummary>> ListCampaigns() => throw new NotSupportedException();

        public Task<IReadOnlyList<H3Index>> FindDonorCells(H3Index target, double radiusKm, int max) => throw new NotSupportedException();
    }
}
