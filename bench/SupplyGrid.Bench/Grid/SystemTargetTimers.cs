using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Timers;

namespace SupplyGrid.Bench.Grid;

/// <summary>
/// Keeps the timers of Orleans' system targets on the system clock while grains' timers run on a simulated one.
/// Orleans builds every timer, a grain's or a system target's, with the one timer registry, on the grain clock
/// (<see cref="TimeProviderNames.Grains"/>). A stream pulling agent is a system target that reads its queue on such a
/// timer, and stops reading whenever its queue is momentarily empty until the next tick: on a clock that only the load
/// generator moves, a feeder waiting for records to be delivered would wait for a tick that only its own progress can
/// bring, for ever. On the system clock the agents poll as they do in production.
/// </summary>
internal sealed class SystemTargetTimers(ITimerRegistry grains, ITimerRegistry systemTargets) : ITimerRegistry
{
    /// <summary>
    /// Replaces the silo's timer registry (call it inside <c>UseOrleans</c>, where Orleans' own is registered) with one
    /// that gives system targets a copy of Orleans' registry on <see cref="TimeProvider.System"/>.
    /// </summary>
    public static void Use(ISiloBuilder silo)
    {
        var services = silo.Services;
        var registry = services.LastOrDefault(d => d.ServiceType == typeof(ITimerRegistry) && !d.IsKeyedService && d.ImplementationType is not null)
            ?? throw new InvalidOperationException("The silo has no timer registry type to copy: call this inside UseOrleans.");
        services.Remove(registry);
        services.AddSingleton<ITimerRegistry>(sp => new SystemTargetTimers(
            (ITimerRegistry)ActivatorUtilities.CreateInstance(sp, registry.ImplementationType!),
            (ITimerRegistry)ActivatorUtilities.CreateInstance(sp, registry.ImplementationType!, TimeProvider.System)));
    }

    public IGrainTimer RegisterGrainTimer<TState>(IGrainContext grainContext, Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options) =>
        For(grainContext).RegisterGrainTimer(grainContext, callback, state, options);

    [Obsolete("Use 'RegisterGrainTimer(grainContext, callback, state, new() { DueTime = dueTime, Period = period, Interleave = true })' instead.")]
    public IDisposable RegisterTimer(IGrainContext grainContext, Func<object?, Task> callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        For(grainContext).RegisterTimer(grainContext, callback, state, dueTime, period);

    private ITimerRegistry For(IGrainContext grainContext) => grainContext is SystemTarget ? systemTargets : grains;
}
