using System.Collections.Concurrent;
using SupplyGrid.Api.Problems;
using SupplyGrid.Geo;
using SupplyGrid.Grains;
using Orleans;

namespace SupplyGrid.Api.Cities;

/// <summary>
/// The configured cities, so that requests for an unknown city are answered 404 without activating anything, and a
/// cell or point can be placed in its city. The ids come from the same configuration the domain reads (the keys of
/// the <c>Cities</c> section, Singapore when there are none); each city's description is asked of its grain once.
/// </summary>
internal sealed class CityCatalog
{
    /// <summary>The domain's default city when no city is configured.</summary>
    public const string DefaultCityWhenNoneConfigured = "singapore";

    private readonly IGrainFactory _grains;
    private readonly ConcurrentDictionary<string, Lazy<Task<CityInfo>>> _infos = new(StringComparer.Ordinal);

    public CityCatalog(IGrainFactory grains, IReadOnlyList<string> cityIds)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(cityIds);
        _grains = grains;
        Ids = cityIds.Count > 0 ? cityIds.ToArray() : [DefaultCityWhenNoneConfigured];
    }

    public IReadOnlyList<string> Ids { get; }

    /// <summary>The first configured city: what endpoints without a city parameter report on.</summary>
    public string DefaultCityId => Ids[0];

    public bool IsKnown(string cityId) => Ids.Contains(cityId, StringComparer.Ordinal);

    /// <summary>The city's description (bounds, resolution, currency, pool).</summary>
    /// <exception cref="KeyNotFoundException">The city is not configured.</exception>
    public async Task<CityInfo> GetAsync(string cityId)
    {
        if (!IsKnown(cityId))
            throw new KeyNotFoundException($"No city '{cityId}' is configured.");
        var lazy = _infos.GetOrAdd(cityId, id => new Lazy<Task<CityInfo>>(() => _grains.GetGrain<ICityGrain>(id).GetInfo()));
        try
        {
            return await lazy.Value;
        }
        catch
        {
            // A failed lookup (a timeout at start) is not remembered: the next request asks again.
            _infos.TryRemove(new KeyValuePair<string, Lazy<Task<CityInfo>>>(cityId, lazy));
            throw;
        }
    }

    public async Task<IReadOnlyList<CityInfo>> GetAllAsync()
    {
        var infos = new CityInfo[Ids.Count];
        for (var i = 0; i < infos.Length; i++)
            infos[i] = await GetAsync(Ids[i]);
        return infos;
    }

    /// <summary>The city whose bounds contain the point, or null.</summary>
    public async Task<CityInfo?> FindForPointAsync(double lat, double lng)
    {
        foreach (var city in await GetAllAsync())
        {
            if (Contains(city, lat, lng))
                return city;
        }

        return null;
    }

    /// <summary>The city containing the cell's centre, or null (the caller checks the resolution).</summary>
    public Task<CityInfo?> FindForCellAsync(H3Index cell)
    {
        var centre = H3.CellToLatLng(cell);
        return FindForPointAsync(centre.Lat, centre.Lng);
    }

    public static bool Contains(CityInfo city, double lat, double lng) =>
        lat >= city.South && lat <= city.North && lng >= city.West && lng <= city.East;

    /// <summary>
    /// The city of a cell given in a request: the city containing its centre, at that city's resolution. Adds an error
    /// under <paramref name="field"/> and returns null otherwise.
    /// </summary>
    public async Task<CityInfo?> CityOfCellAsync(FieldErrors errors, string field, H3Index cell)
    {
        var city = await FindForCellAsync(cell);
        if (city is null)
        {
            errors.Add(field, $"{field} {cell} is in no configured city.");
            return null;
        }

        var resolution = H3.GetResolution(cell);
        if (resolution != city.Resolution)
        {
            errors.Add(field, $"{field} {cell} is a resolution {resolution} cell; {city.Id} uses resolution {city.Resolution}.");
            return null;
        }

        return city;
    }
}
