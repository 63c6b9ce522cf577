using Microsoft.Extensions.Options;
using SupplyGrid.Geo;

namespace SupplyGrid.Grains.Configuration;

/// <summary>The configured cities: which city a point or cell belongs to, and each city's context.</summary>
public sealed class CityDirectory
{
    private readonly CityContext[] _cities;
    private readonly Dictionary<string, CityContext> _byId;

    public CityDirectory(IOptions<CitiesOptions> options)
        : this(options.Value.Build())
    {
    }

    public CityDirectory(IReadOnlyList<CityContext> cities)
    {
        ArgumentNullException.ThrowIfNull(cities);
        if (cities.Count == 0)
            throw new ArgumentException("At least one city must be configured.", nameof(cities));
        _cities = cities.ToArray();
        _byId = _cities.ToDictionary(c => c.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<CityContext> All => _cities;

    /// <summary>The city whose bounds contain the point, or null.</summary>
    public CityContext? Find(double lat, double lng)
    {
        foreach (var city in _cities)
        {
            if (city.Contains(lat, lng))
                return city;
        }

        return null;
    }

    /// <summary>The city a cell belongs to: the one containing its centre at the city's resolution, or null.</summary>
    public CityContext? FindForCell(H3Index cell)
    {
        if (!H3.IsValidCell(cell))
            return null;
        var centre = H3.CellToLatLng(cell);
        var city = Find(centre.Lat, centre.Lng);
        return city is not null && H3.GetResolution(cell) == city.Resolution ? city : null;
    }

    /// <summary>
    /// The city and cell of a point, when a city owns that cell: the point is in the city's bounds and so is the centre
    /// of its cell at the city's resolution (<see cref="FindForCell"/>). Near a city's edge a point inside can fall in a
    /// cell whose centre is outside; no cell grain exists for that cell, so the point counts as outside every city.
    /// </summary>
    public CityContext? FindCell(double lat, double lng, out H3Index cell)
    {
        var city = Find(lat, lng);
        cell = city is null ? default : H3.LatLngToCell(lat, lng, city.Resolution);
        if (city is not null && ReferenceEquals(FindForCell(cell), city))
            return city;
        cell = default;
        return null;
    }

    public bool TryGet(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CityContext? city) =>
        _byId.TryGetValue(id ?? string.Empty, out city);

    /// <summary>The city with this id; throws naming the id when there is none.</summary>
    public CityContext Get(string id) =>
        TryGet(id, out var city) ? city : throw new KeyNotFoundException($"No city '{id}' is configured (Cities:{id}).");
}
