using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using SupplyGrid.Dashboard.Tests.Hosting;
using SupplyGrid.Grains.Events;
using Xunit.Abstractions;

namespace SupplyGrid.Dashboard.Tests.DefaultRun;

/// <summary>
/// The README's first command, as a newcomer runs it: the silo process with no configuration at all (embedded broker,
/// memory storage, simulated city). Within a few minutes reposition offers must be sent, accepted and paid.
/// </summary>
public sealed class DefaultRunTests(ITestOutputHelper output)
{
    // The simulated city follows Singapore's clock: in its small hours few drivers are on shift, offers reach drivers
    // further away, and the first arrival took 122-142 s on a quiet machine at 04:00 local time (more under the suite's
    // own load). The loop ends as soon as everything is seen.
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task The_default_run_sends_offers_that_drivers_accept_and_get_paid_for()
    {
        var port = FreePorts.One();
        using var silo = StartSilo(port);
        var lines = new List<string>();
        var token = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        silo.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            lock (lines)
                lines.Add(e.Data);
            var at = e.Data.IndexOf("Operator token:", StringComparison.Ordinal);
            if (at >= 0)
                token.TrySetResult(e.Data[(at + "Operator token:".Length)..].Trim());
        };
        silo.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                lock (lines)
                    lines.Add(e.Data);
        };
        silo.BeginOutputReadLine();
        silo.BeginErrorReadLine();
        var started = Stopwatch.StartNew();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await token.Task.WaitAsync(TimeSpan.FromSeconds(90)));

            JsonElement metrics = default;
            while (started.Elapsed < Limit)
            {
                using var response = await client.GetAsync("/api/metrics?city=singapore");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                metrics = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
                var offers = metrics.GetProperty("offers");
                if (offers.GetProperty("accepted").GetInt32() > 0 && offers.GetProperty("arrived").GetInt32() > 0 && metrics.GetProperty("spent").GetDecimal() > 0)
                    break;
                await Task.Delay(2_000);
            }

            output.WriteLine($"after {started.Elapsed.TotalSeconds:0} s: {metrics}");
            // Orleans' dashboard is served by the same silo, behind the operator token the banner printed.
            using (var orleans = await client.GetAsync("/orleans/"))
                Assert.Equal(HttpStatusCode.OK, orleans.StatusCode);
            var sent = metrics.GetProperty("offers");
            Assert.True(sent.GetProperty("sent").GetInt32() > 0, $"no offer sent: {metrics}");
            Assert.True(sent.GetProperty("accepted").GetInt32() > 0, $"no offer accepted: {metrics}");
            Assert.True(sent.GetProperty("arrived").GetInt32() > 0, $"no driver arrived: {metrics}");
            Assert.True(metrics.GetProperty("spent").GetDecimal() > 0, $"nothing paid: {metrics}");
            Assert.True(metrics.GetProperty("deficit_cells").GetInt32() > 0, $"no deficit cell: {metrics}");

            // The embedded broker holds every product topic at its declared partition count, and the banner says what runs.
            string brokerLine;
            lock (lines)
            {
                brokerLine = lines.Single(l => l.Contains("Kafka: embedded broker", StringComparison.Ordinal));
                Assert.Contains(lines, l => l.Contains("silo is up (embedded broker, memory storage, simulated city)", StringComparison.Ordinal));
                Assert.Contains(lines, l => l.Contains($"Orleans dashboard: http://127.0.0.1:{port}/orleans-login#token=", StringComparison.Ordinal));
            }

            foreach (var (topic, partitions) in Topics.DefaultPartitions)
                Assert.Contains($"{topic}[{partitions}]", brokerLine);
        }
        finally
        {
            silo.Kill(entireProcessTree: true);
            await silo.WaitForExitAsync();
            lock (lines)
                output.WriteLine(string.Join('\n', lines.TakeLast(40)));
        }
    }

    /// <summary>The silo's own program from this test's output folder, with nothing configured but where to listen.</summary>
    private static Process StartSilo(int port)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Directory.CreateTempSubdirectory("default-run-").FullName,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SupplyGrid.Silo.dll"));
        start.ArgumentList.Add($"--Urls=http://127.0.0.1:{port}");
        // Orleans' own ports too: its defaults (11111, 30000) may be held by other work on the machine.
        var (siloPort, gatewayPort) = FreePorts.Two();
        start.ArgumentList.Add($"--Orleans:SiloPort={siloPort}");
        start.ArgumentList.Add($"--Orleans:GatewayPort={gatewayPort}");
        // The machine's settings must not leak in: the default run is what is under test.
        foreach (var name in new[] { "Kafka__BootstrapServers", "ConnectionStrings__Postgres", "ASPNETCORE_URLS", "DOTNET_ENVIRONMENT", "ASPNETCORE_ENVIRONMENT" })
            start.Environment.Remove(name);
        return Process.Start(start) ?? throw new InvalidOperationException("the silo did not start");
    }
}
