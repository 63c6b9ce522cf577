using Microsoft.Extensions.DependencyInjection;
using System.Buffers;
using SupplyGrid.Geo;
using SupplyGrid.Grains.Configuration;
using SupplyGrid.Grains.Policies;
using Orleans;
using Orleans.Runtime;
using Orleans.Concurrency;

namespace SupplyGrid.Grains.Ranking;

/// <summary>
/// Ranks dispatch candidates for a pickup: asks every candidate's driver grain in parallel (those queries interleave
/// with the grains' own work), then every distinct cell among them whose figures this worker did not fetch within
/// <see cref="OdrdRanker.CellFiguresMaxAge"/>, and scores with the city's <see cref="OdrdRanker"/>.
/// A stateless worker keyed by city id: one activation per core serves the calls.
/// </summary>
[StatelessWorker]
public sealed class OdrdRankingGrain(CityDirectory cities, [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time) : Grain, IOdrdRankingGrain
{
    private KeyedGrains<IDriverGrain>? _drivers;
    private KeyedGrains<ICellGrain>? _cells;
    private RecentCellFigures? _recentFigures;

    public async Task<OdrdRanking> Rank(OdrdRankRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.DriverIds, "request.DriverIds");
        var city = cities.Get(this.GetPrimaryKeyString());
        if (request.Pickup.Lat is < -90 or > 90 || request.Pickup.Lng is < -180 or > 180 || !double.IsFinite(request.Pickup.Lat) || !double.IsFinite(request.Pickup.Lng))
            throw new ArgumentOutOfRangeException("request.Pickup", request.Pickup, "request.Pickup must be a latitude in [-90, 90] and a longitude in [-180, 180].");
        var ids = request.DriverIds;
        if (ids.Count > city.Ranker.MaxCandidates)
            throw new ArgumentOutOfRangeException("request.DriverIds", ids.Count, $"At most {city.Ranker.MaxCandidates} candidates can be ranked at once.");
        var unique = new HashSet<string>(ids.Count, StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(ids[i]))
                throw new ArgumentException($"request.DriverIds[{i}] must not be empty.", "request.DriverIds");
            if (!unique.Add(ids[i]))
                throw new ArgumentException($"request.DriverIds lists '{ids[i]}' more than once.", "request.DriverIds");
        }

        var factsTasks = new Task<DispatchFacts>[ids.Count];
        for (var i = 0; i < ids.Count; i++)
            factsTasks[i] = (_drivers ??= new(GrainFactory)).Get(ids[i]).GetDispatchFacts();
        var facts = await Task.WhenAll(factsTasks);

        var nowTicks = time.GetUtcNow().UtcTicks;
        var recent = _recentFigures ??= new RecentCellFigures(city.Ranker.CellFiguresMaxAge);
        var cellFigures = new Dictionary<H3Index, CellFigures>();
        Dictionary<H3Index, Task<CellFigures>>? fetches = null;
        var unranked = new List<UnrankedDriver>();
        var rankable = new bool[facts.Length];
        for (var i = 0; i < facts.Length; i++)
        {
            var f = facts[i];
            var reason = !f.Known ? "unknown: no position yet"
                : f.Suspect ? "suspect position"
                : !f.Available ? "not available"
                : cities.FindForCell(f.Cell) != city ? "outside the city"
                : null;
            if (reason is not null)
            {
                unranked.Add(new UnrankedDriver(ids[i], reason));
                continue;
            }

            rankable[i] = true;
            if (cellFigures.ContainsKey(f.Cell) || fetches?.ContainsKey(f.Cell) == true)
                continue;
            if (recent.TryGet(f.Cell, nowTicks, out var known))
                cellFigures[f.Cell] = known;
            else
                (fetches ??= [])[f.Cell] = (_cells ??= new(GrainFactory)).Get(f.Cell.ToString()).GetFigures();
        }

        if (fetches is not null)
        {
            await Task.WhenAll(fetches.Values);
            foreach (var (cell, fetch) in fetches)
            {
                cellFigures[cell] = fetch.Result;
                recent.Put(cell, fetch.Result, nowTicks);
            }
        }

        var count = facts.Length - unranked.Count;
        var candidates = ArrayPool<OdrdCandidate>.Shared.Rent(Math.Max(count, 1));
        var scores = ArrayPool<OdrdScore>.Shared.Rent(Math.Max(count, 1));
        try
        {
            var n = 0;
            for (var i = 0; i < facts.Length; i++)
            {
                if (!rankable[i])
                    continue;
                var f = facts[i];
                var cell = cellFigures[f.Cell];
                // The cell counts the driver among its drivers; make sure it does even if the presence update is in flight.
                candidates[n++] = new OdrdCandidate(ids[i], H3.GreatCircleDistanceKm(f.Position, request.Pickup), f.AcceptanceRate, f.Rating,
                    Math.Max(cell.Drivers, 1), cell.Demand);
            }

            var written = city.Ranker.Rank(candidates.AsSpan(0, n), scores);
            return new OdrdRanking(request.Pickup, time.GetUtcNow(), scores.AsSpan(0, written).ToArray(), unranked);
        }
        finally
        {
            ArrayPool<OdrdCandidate>.Shared.Return(candidates, clearArray: true);
            ArrayPool<OdrdScore>.Shared.Return(scores, clearArray: true);
        }
    }
}
