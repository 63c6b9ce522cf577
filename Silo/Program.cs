using SupplyGrid.Api;
using SupplyGrid.Api.Dashboards;
using SupplyGrid.Evaluation.Command;
using SupplyGrid.Grains;
using SupplyGrid.Runtime.Hosting;
using SupplyGrid.Silo.Hosting;
using SupplyGrid.Silo.OperatorDashboard;
using SupplyGrid.Silo.Simulation;
using SupplyGrid.Silo.Storage;
using SupplyGrid.Silo.Streams;

// "evaluate ...": the counterfactual evaluation (docs/evaluation.md) instead of the silo.
if (args is ["evaluate", .. var evaluationArgs])
    return await EvaluationCommand.RunAsync(evaluationArgs);

// The silo: the grid of driver, cell, city and campaign grains, fed by Kafka, with the HTTP API. With no
// configuration it runs the embedded default: an in-process Kafka-protocol broker, memory storage, a simulated city
// feeding the topics, and an ephemeral API signing key. ConnectionStrings:Postgres puts storage on PostgreSQL.
var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls(builder.Configuration["Urls"] ?? "http://localhost:8080");
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
var embedded = DefaultRun.ApplyEmbeddedDefaults(builder.Configuration);
builder.Services.AddGrid(grid => grid
    .Configure(o => builder.Configuration.GetSection(GridOptions.SectionName).Bind(o))
    .AddSupplyGridDomain(builder.Configuration)
    .AddGridStorage(builder.Configuration));
builder.Services.AddGridStreams(builder.Configuration);
builder.Services.AddSimulatedCity(builder.Configuration);
builder.Services.AddSupplyGridApi(builder.Configuration);
builder.Services.AddCityDashboard();
builder.Services.AddOperatorDashboard();

var app = builder.Build();
app.MapSupplyGridApi();
app.MapCityDashboard();
app.MapOperatorDashboard();
app.Lifetime.ApplicationStarted.Register(() => DefaultRun.PrintWhereToLook(app, embedded));
await app.RunAsync();
return 0;
