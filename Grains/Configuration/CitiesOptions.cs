using Microsoft.Extensions.Configuration;

namespace SupplyGrid.Grains.Configuration;

/// <summary>
/// Every configured city, by id (configuration section <see cref="SectionName"/>: <c>Cities:{id}:...</c>). With no
/// city configured the grid runs Singapore (id "singapore") with its defaults.
/// </summary>
public sealed class CitiesOptions
{
    public const string SectionName = "Cities";

    /// <summary>The default city's id, as in GET /api/heatmap/singapore.</summary>
    public const string DefaultCityId = "singapore";

    public const int MaxCityIdLength = 64;

    public Dictionary<string, CityOptions> Cities { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Binds every <c>Cities:{id}</c> section over the global <c>Policies</c> section (so a city inherits the global
    /// policy settings and overrides what it names). Adds Singapore when no city is configured.
    /// </summary>
    public void Bind(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var globalPolicies = configuration.GetSection("Policies");
        foreach (var section in configuration.GetSection(SectionName).GetChildren())
        {
            var city = new CityOptions();
            globalPolicies.Bind(city.Policies);
            section.Bind(city);
            Cities[section.Key] = city;
        }

        if (Cities.Count == 0)
        {
            var singapore = SingaporeDefaults.Create();
            globalPolicies.Bind(singapore.Policies);
            Cities[DefaultCityId] = singapore;
        }
    }

    /// <summary>Builds (and so validates) every city; throws naming the first bad setting.</summary>
    public IReadOnlyList<CityContext> Build()
    {
        var contexts = new List<CityContext>(Cities.Count);
        foreach (var (id, options) in Cities)
        {
            SettingCheck.Require(id.Length <= MaxCityIdLength && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_'),
                $"{SectionName}:{id}", id, $"is not a valid city id: use 1 to {MaxCityIdLength} lowercase letters, digits, '-' or '_'");
            var context = new CityContext(id, options);
            foreach (var other in contexts)
            {
                SettingCheck.Require(!other.Options.Bounds.Overlaps(options.Bounds), $"{SectionName}:{id}:Bounds", id,
                    $"must not overlap the bounds of city '{other.Id}'");
            }

            contexts.Add(context);
        }

        return contexts;
    }
}
