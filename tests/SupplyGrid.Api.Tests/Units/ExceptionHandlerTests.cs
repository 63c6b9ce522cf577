using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using SupplyGrid.Api.Problems;
using SupplyGrid.Api.Tests.Support;
using Orleans.Storage;

namespace SupplyGrid.Api.Tests.Units;

[Collection(ApiCollection.Name)]
public sealed class ExceptionHandlerTests(ApiFixture fixture)
{
    private readonly ApiExceptionHandler _handler = new(NullLogger<ApiExceptionHandler>.Instance);

    public static TheoryData<Exception, HttpStatusCode> Mappings => new()
    {
        { new TimeoutException("Call to ICityGrain.GetHeatmap timed out"), HttpStatusCode.GatewayTimeout },
        { new InconsistentStateException("etag mismatch", "2", "1"), HttpStatusCode.Conflict },
        { new KeyNotFoundException("No campaign 'x' was created."), HttpStatusCode.NotFound },
        { new ArgumentException("Budget must be greater than zero.", "Budget"), HttpStatusCode.BadRequest },
        { new InvalidCastException("secret internals"), HttpStatusCode.InternalServerError },
    };

    [Theory]
    [MemberData(nameof(Mappings))]
    public async Task Exceptions_become_problem_details(Exception exception, HttpStatusCode status)
    {
        var (handled, context, body) = await HandleAsync("/api/heatmap/singapore", exception);

        Assert.True(handled);
        Assert.Equal((int)status, context.Response.StatusCode);
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        Assert.True(body.TryGetProperty("trace_id", out _));
    }

    [Fact]
    public async Task A_500_does_not_leak_the_exception()
    {
        var (_, _, body) = await HandleAsync("/api/metrics", new InvalidOperationException("connection string Password=hunter2"));

        Assert.DoesNotContain("hunter2", body.GetRawText());
        Assert.DoesNotContain("InvalidOperationException", body.GetRawText());
    }

    [Fact]
    public async Task A_domain_argument_error_names_the_field_in_snake_case()
    {
        var (_, _, body) = await HandleAsync("/api/campaigns", new ArgumentException("TargetCells[2] is not a cell.", "TargetCells[2]"));

        Assert.Equal(["target_cells[2]"], body.ErrorFields());
        Assert.Equal("TargetCells[2] is not a cell.", body.GetProperty("errors").GetProperty("target_cells[2]")[0].GetString());
    }

    [Fact]
    public async Task Errors_outside_the_API_are_left_to_the_host()
    {
        var (handled, _, _) = await HandleAsync("/dashboard/index.html", new TimeoutException());

        Assert.False(handled);
    }

    [Theory]
    [InlineData("Event.Venue.Lat", "event.venue.lat")]
    [InlineData("PerDriverDailyCap", "per_driver_daily_cap")]
    [InlineData("request.DriverIds", "request.driver_ids")]
    [InlineData(null, "body")]
    public void Domain_parameter_names_become_wire_field_names(string? parameter, string field) =>
        Assert.Equal(field, ArgumentErrors.Field(parameter));

    private async Task<(bool Handled, HttpContext Context, JsonElement Body)> HandleAsync(string path, Exception exception)
    {
        var context = new DefaultHttpContext { RequestServices = fixture.Host.Services };
        context.Request.Path = path;
        context.Response.Body = new MemoryStream();
        var handled = await _handler.TryHandleAsync(context, exception, CancellationToken.None);
        context.Response.Body.Position = 0;
        var text = await new StreamReader(context.Response.Body).ReadToEndAsync();
        return (handled, context, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
