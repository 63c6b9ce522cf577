using Microsoft.AspNetCore.Http;

namespace SupplyGrid.Api.Problems;

/// <summary>The problem-details answers the endpoints give (RFC 9457, application/problem+json).</summary>
internal static class ApiProblems
{
    public static IResult Status(int status, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, extensions: extensions);

    public static IResult NotFound(string detail) => Status(StatusCodes.Status404NotFound, detail);

    public static IResult Conflict(string detail, IDictionary<string, object?>? extensions = null) =>
        Status(StatusCodes.Status409Conflict, detail, extensions);

    /// <summary>400 with one field's error.</summary>
    public static IResult Invalid(string field, string message)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return errors.ToResult();
    }

    public static IResult UnknownCity(string cityId) => NotFound($"No city '{cityId}' is configured.");

    public static IResult UnknownDriver(string driverId) => NotFound($"Driver '{driverId}' is not known to the grid (no usable position yet).");
}
