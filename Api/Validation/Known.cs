using Microsoft.AspNetCore.Http;
using SupplyGrid.Api.Cities;
using SupplyGrid.Api.Problems;
using SupplyGrid.Grains;
using Orleans;

namespace SupplyGrid.Api.Validation;

/// <summary>The route parameters that name a city or a driver: malformed is 400, well-formed but unknown is 404.</summary>
internal static class Known
{
    /// <summary>Null when <paramref name="cityId"/> is a configured city; otherwise the answer to give.</summary>
    public static IResult? City(CityCatalog cities, string cityId, string field = "city")
    {
        // The hot path (every heatmap read) is a configured city: answer it without building an error list.
        if (cities.IsKnown(cityId))
            return null;
        var errors = new FieldErrors();
        return Check.CityId(errors, field, cityId) ? ApiProblems.UnknownCity(cityId) : errors.ToResult();
    }

    /// <summary>Null when the id is well-formed; otherwise the 400 to give.</summary>
    public static IResult? Id(string id, string field)
    {
        var errors = new FieldErrors();
        return Check.Id(errors, field, id) ? null : errors.ToResult();
    }

    /// <summary>What the grid knows of a driver that has sent a usable position; otherwise the 404 to give.</summary>
    public static async Task<(DriverView? View, IResult? Problem)> DriverAsync(IGrainFactory grains, string driverId)
    {
        var view = await grains.GetGrain<IDriverGrain>(driverId).GetView();
        return view.Known ? (view, null) : (null, ApiProblems.UnknownDriver(driverId));
    }
}
