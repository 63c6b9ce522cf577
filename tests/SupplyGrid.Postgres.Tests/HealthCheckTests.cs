using Microsoft.Extensions.Diagnostics.HealthChecks;
using SupplyGrid.Postgres.Health;

namespace SupplyGrid.Postgres.Tests;

[Collection(PostgresCollection.Name)]
public sealed class HealthCheckTests(PostgresFixture postgres)
{
    [Fact]
    public async Task The_check_is_healthy_when_the_database_answers_and_records_the_success()
    {
        await using var database = PostgresFixture.OpenDatabase(await postgres.CreateDatabaseAsync());

        var result = await new PostgresHealthCheck(database).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal(database.Endpoint, result.Data["endpoint"]);
        Assert.NotNull(database.Health.GetStatus().LastSuccessAt);
    }

    [Fact]
    public async Task The_check_is_unhealthy_when_the_database_does_not_answer_and_names_it()
    {
        await using var database = PostgresFixture.OpenDatabase("Host=127.0.0.1;Port=1;Database=grid;Username=grid;Timeout=1");

        var result = await new PostgresHealthCheck(database).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("127.0.0.1:1/grid", result.Description);
        Assert.False(database.Health.GetStatus().Healthy);
    }
}
