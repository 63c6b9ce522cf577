using SupplyGrid.Grains;
using SupplyGrid.Runtime.Hosting;
using SupplyGrid.Silo.Simulation;
using SupplyGrid.Silo.Streams;

// The silo: the grid of driver, cell, city and campaign grains, fed by Kafka. With no configuration it runs the
// embedded default: an in-process Kafka-protocol broker, memory storage, and a simulated city feeding the topics.
var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls(builder.Configuration["Urls"] ?? "http://localhost:8080");
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
builder.Services.AddGrid(grid => grid
    .Configure(o => builder.Configuration.GetSection(GridOptions.SectionName).Bind(o))
    .AddSupplyGridDomain(builder.Configuration)
    .AddMemoryGrainStorage());
builder.Services.AddGridStreams(builder.Configuration);
builder.Services.AddSimulatedCity(builder.Configuration);

var app = builder.Build();
app.MapGet("/health", () => Results.Ok(new { status = "healthy" }));

app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation("SupplyGrid silo is up on {Url}", app.Urls.First()));
await app.RunAsync();
