using SupplyGrid.Runtime;
using SupplyGrid.Runtime.Hosting;
using SupplyGrid.Silo.Example;

// The silo host. Until the supply grid's own grains and API land, it runs the runtime with an example grain.
var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls(builder.Configuration["Urls"] ?? "http://localhost:8080");
builder.Services.AddGrid(grid => grid
    .AddGrains(typeof(Program).Assembly)
    .AddMemoryGrainStorage());

var app = builder.Build();
app.MapGet("/health", () => Results.Ok(new { status = "healthy" }));
app.MapGet("/silo", (IGridMonitor monitor) => monitor.Snapshot());
app.MapPost("/example/{name}/visits", async (string name, IGrainFactory grains) =>
    Results.Ok(new { name, visits = await grains.GetGrain<IVisitCounterGrain>(name).RecordVisit() }));

app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation("SupplyGrid silo is up: try `curl -X POST {Url}/example/alice/visits`; silo statistics at {Url}/silo",
        app.Urls.First(), app.Urls.First()));
await app.RunAsync();
