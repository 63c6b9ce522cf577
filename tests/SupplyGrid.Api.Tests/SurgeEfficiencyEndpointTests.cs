using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SupplyGrid.Api.History;
using SupplyGrid.Api.Tests.Support;

namespace SupplyGrid.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class SurgeEfficiencyEndpointTests(ApiFixture fixture)
{
    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=101", "limit")]
    [InlineData("?limit=five", "limit")]
    [InlineData("?from=2026-11-23T02:00:00Z&to=2026-11-23T01:00:00Z", "from")]
    [InlineData("?to=later", "to")]
    public async Task A_bad_parameter_is_400_naming_it(string query, string field)
    {
        var (status, body) = await fixture.Host.Dashboard().ReadAsync("/api/analytics/singapore/surge-efficiency" + query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal([field], body.ErrorFields());
    }

    [Fact]
    public async Task An_unknown_city_is_404()
    {
        var (status, _) = await fixture.Host.Dashboard().ReadAsync("/api/analytics/atlantis/surge-efficiency");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task The_answer_ranks_what_the_history_store_reports_for_the_asked_window()
    {
        var store = new FixedHistory(
        [
            new SurgeZoneFigures("8865229a1bfffff", 10, 10, 3.0, 0.1, 1, 2),
            new SurgeZoneFigures("886520db3bfffff", 10, 6, 2.0, 0.5, 1, 4),
            new SurgeZoneFigures("886520d9dbfffff", 10, 1, 1.1, 0.0, 3, 1),
        ]);
        await using var host = await ApiHost.StartAsync(configureServices: s => s.Replace(ServiceDescriptor.Singleton<IHeatmapHistory>(store)));

        // A past window by the API's (wall) clock: a window may not start in the future.
        var from = new DateTimeOffset(DateTimeOffset.UtcNow.Date, TimeSpan.Zero).AddDays(-1);
        var to = from.AddMinutes(30);

        var (status, body) = await host.Dashboard().ReadAsync(
            $"/api/analytics/singapore/surge-efficiency?from={Wire.Iso(from)}&to={Wire.Iso(to)}&limit=2");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((from, to), store.AskedWindow);
        Assert.Equal(3, body.GetProperty("surge_zones").GetInt32());
        var zones = body.GetProperty("zones").EnumerateArray().ToArray();
        Assert.Equal(["886520db3bfffff", "8865229a1bfffff"], zones.Select(z => z.Str("cell")));
        Assert.Equal(1, zones[0].GetProperty("rank").GetInt32());
        Assert.Equal(0.75, zones[0].GetProperty("inefficiency").GetDouble());
        Assert.Equal(6, zones[0].GetProperty("surging_minutes").GetInt32());
        Assert.Equal(0.5, zones[0].GetProperty("mean_unmet_share").GetDouble());
    }

    private sealed class FixedHistory(IReadOnlyList<SurgeZoneFigures> zones) : IHeatmapHistory
    {
        public (DateTimeOffset From, DateTimeOffset To) AskedWindow { get; private set; }

        public Task<IReadOnlyList<CityHistoryPoint>> GetCityAsync(string cityId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<CityHistoryPoint>>([]);

        public Task<IReadOnlyList<CellHistoryPoint>> GetCellAsync(string cityId, string cell, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<CellHistoryPoint>>([]);

        public Task<IReadOnlyList<SurgeZoneFigures>> GetSurgeZonesAsync(string cityId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
        {
            AskedWindow = (from, to);
            return Task.FromResult(zones);
        }
    }
}
