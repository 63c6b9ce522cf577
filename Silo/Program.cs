using Orleans.Dashboard;
using SupplyGrid.Api;
using SupplyGrid.Api.Dashboards;
using SupplyGrid.Api.Security;
using SupplyGrid.Grains;
using SupplyGrid.Silo.Hosting;
using SupplyGrid.Silo.OperatorDashboard;
using SupplyGrid.Silo.Simulation;
using SupplyGrid.Silo.Storage;
using SupplyGrid.Silo.Streams;

// The silo: an Orleans silo holding the driver, cell, city and campaign grains, fed by Kafka, with the HTTP API and
// the dashboards in the same web host. With no configuration it runs the embedded default: one silo on localhost
// clustering, an in-process Kafka-protocol broker, memory storage, a simulated city feeding the topics, and an
// ephemeral API signing key. ConnectionStrings:Postgres puts storage on PostgreSQL.
if (IssueTokenCommand.IsInvoked(args))
{
    // A tool, not the silo: the same configuration sources, nothing started.
    var configuration = WebApplication.CreateBuilder(IssueTokenCommand.Settings(args)).Configuration;
    return IssueTokenCommand.Run(args, configuration, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls(builder.Configuration["Urls"] ?? "http://localhost:8080");
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
var embedded = DefaultRun.ApplyEmbeddedDefaults(builder.Configuration);
builder.UseOrleans(silo => silo
    .UseSupplyGridCluster(builder.Configuration)
    .AddSupplyGridDomain(builder.Configuration)
    .AddGridStorage(builder.Configuration)
    .AddTopicStreams()
    .AddDashboard());
builder.Services.AddGridStreams(builder.Configuration);
builder.Services.AddSimulatedCity(builder.Configuration);
builder.Services.AddSupplyGridApi(builder.Configuration);
builder.Services.AddCityDashboard();
builder.Services.AddOperatorDashboard();
builder.Services.AddPrometheusMetrics();

var app = builder.Build();
app.MapSupplyGridApi();
app.MapCityDashboard();
app.MapOperatorDashboard();
app.MapPrometheusMetrics();
app.MapOrleansDashboard(routePrefix: OrleansDashboardCookie.Path).RequireAuthorization(DashboardAuthorization.OperatorPolicy);
app.Lifetime.ApplicationStarted.Register(() => DefaultRun.PrintWhereToLook(app, embedded));
await app.RunAsync();
return 0;
