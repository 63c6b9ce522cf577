using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace SupplyGrid.Api.Problems;

/// <summary>
/// Turns what escapes an API endpoint into problem details. Grid timeouts are 504 (the grid is the API's upstream),
/// storage conflicts 409, argument errors the grains raised 400 naming the argument, anything else 500 with a trace
/// id and no internals. Requests outside the API are left to the host.
/// </summary>
internal sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!ApiRoutes.IsApi(context.Request.Path) || context.Response.HasStarted)
            return false;
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            // The client left; nobody is there to read an answer.
            context.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
            return true;
        }

        var result = exception switch
        {
            TimeoutException => ApiProblems.Status(StatusCodes.Status504GatewayTimeout, "The grid did not answer in time; try again."),
            InconsistentStateException => ApiProblems.Conflict("The state changed concurrently; try again."),
            ArgumentException argument => ApiProblems.Invalid(ArgumentErrors.Field(argument.ParamName), ArgumentErrors.Message(argument)),
            KeyNotFoundException notFound => ApiProblems.NotFound(notFound.Message),
            BadHttpRequestException bad => ApiProblems.Status(bad.StatusCode, "The request could not be read."),
            _ => null,
        };
        if (result is null)
        {
            logger.LogError(exception, "Unhandled error in {Method} {Path}", context.Request.Method, context.Request.Path);
            result = ApiProblems.Status(StatusCodes.Status500InternalServerError,
                "An unexpected error occurred. It was logged with this response's trace_id.");
        }
        else
        {
            logger.LogInformation("{Method} {Path} answered from {Exception}: {Message}", context.Request.Method, context.Request.Path,
                exception.GetType().Name, exception.Message);
        }

        await result.ExecuteAsync(context);
        return true;
    }
}
