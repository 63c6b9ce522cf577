using SupplyGrid.Runtime;
using SupplyGrid.Runtime.Testing;
using SupplyGrid.Silo.OperatorDashboard;

namespace SupplyGrid.Dashboard.Tests.OperatorDashboard;

public interface IEchoGrain : IGrainWithStringKey
{
    Task<string> Echo(string text);

    Task Fail();
}

public sealed class EchoGrain : Grain, IEchoGrain
{
    public Task<string> Echo(string text) => Task.FromResult(text);

    public Task Fail() => throw new InvalidOperationException("as asked");
}

public sealed class SiloMetricsCollectorTests : IAsyncLifetime
{
    private GridTestHost _host = null!;

    public async Task InitializeAsync() => _host = await GridTestHost.StartAsync(grid => grid.AddGrains(typeof(EchoGrain).Assembly));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Rates_are_the_calls_of_the_last_interval_over_its_length()
    {
        var collector = new SiloMetricsCollector(_host.Monitor, kafka: null, _host.Time);
        for (var i = 0; i < 10; i++)
            await _host.GrainFactory.GetGrain<IEchoGrain>("a").Echo("hi");
        await Assert.ThrowsAsync<InvalidOperationException>(() => _host.GrainFactory.GetGrain<IEchoGrain>("a").Fail());
        _host.Time.Advance(TimeSpan.FromSeconds(2));

        var (sample, overview) = collector.Collect();

        var echo = overview.Grid.GrainTypes.Single(t => t.GrainType == "echo");
        Assert.Equal(1, echo.Activations);
        var echoes = echo.Methods.Single(m => m.Method == "Echo");
        Assert.Equal(10, echoes.Calls);
        Assert.Equal(5.0, echoes.CallsPerSecond);
        Assert.Equal(1, echo.Methods.Single(m => m.Method == "Fail").Failures);
        Assert.Equal(0.5, echo.FailuresPerSecond);
        Assert.Equal(1, echo.Failures);
        Assert.Equal(echo.Methods.Sum(m => m.Calls), echo.Calls);
        Assert.Equal(echo.CallsPerSecond, sample.GrainTypes["echo"].CallsPerSecond);
        Assert.Null(overview.Kafka);

        _host.Time.Advance(TimeSpan.FromSeconds(1));
        var (quiet, _) = collector.Collect();
        Assert.Equal(0, quiet.CallsPerSecond);
        Assert.Equal(1, quiet.GrainTypes["echo"].Activations);
    }

    [Fact]
    public void Sample_times_are_whole_milliseconds_of_the_grid_clock()
    {
        var collector = new SiloMetricsCollector(_host.Monitor, kafka: null, _host.Time);
        _host.Time.Advance(TimeSpan.FromTicks(12_345));

        var (sample, overview) = collector.Collect();

        Assert.Equal(0, sample.At.UtcTicks % TimeSpan.TicksPerMillisecond);
        Assert.True(_host.Time.GetUtcNow() - sample.At < TimeSpan.FromMilliseconds(1));
        Assert.Equal(sample.At, overview.At);
    }
}
