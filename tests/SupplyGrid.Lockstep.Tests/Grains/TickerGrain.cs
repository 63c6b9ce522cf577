using Microsoft.Extensions.DependencyInjection;

namespace SupplyGrid.Lockstep.Tests.Grains;

public sealed class TickerGrain([FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time) : Grain, ITickerGrain
{
    private readonly List<DateTimeOffset> _ticks = [];
    private IGrainTimer? _timer;

    public Task Start(TimeSpan period)
    {
        _timer = this.RegisterGrainTimer(async _ =>
        {
            var at = time.GetUtcNow();
            // Work of its own before recording: a call to another grain.
            await GrainFactory.GetGrain<IEchoGrain>(this.GetPrimaryKeyString()).Echo(at);
            _ticks.Add(at);
        }, new GrainTimerCreationOptions(period, period));
        return Task.CompletedTask;
    }

    public Task StartAtOnce(TimeSpan work)
    {
        _timer = this.RegisterGrainTimer(async _ =>
        {
            await Task.Delay(work);
            _ticks.Add(time.GetUtcNow());
        }, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        return Task.CompletedTask;
    }

    public Task StartRelaying(TimeSpan period, int hops)
    {
        _timer = this.RegisterGrainTimer(_ =>
        {
            _ticks.Add(time.GetUtcNow());
            return GrainFactory.GetGrain<IRelayGrain>(0).Pass($"{this.GetPrimaryKeyString()}@{_ticks.Count}", hops);
        }, new GrainTimerCreationOptions(period, period));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DateTimeOffset>> Ticks() => Task.FromResult<IReadOnlyList<DateTimeOffset>>(_ticks.ToArray());
}
