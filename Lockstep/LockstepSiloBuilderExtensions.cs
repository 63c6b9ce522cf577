using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Hosting;
using Orleans.Reminders;
using Orleans.Runtime;
using Orleans.Timers;
using SupplyGrid.Lockstep.Hosting;

namespace SupplyGrid.Lockstep;

public static class LockstepSiloBuilderExtensions
{
    /// <summary>
    /// Runs this silo's grain timers and reminders on <paramref name="clock"/> and lets the clock see what the silo
    /// has in flight. The clock becomes the keyed <see cref="TimeProvider"/> of the grain and reminder areas
    /// (<see cref="TimeProviderNames.Grains"/>, <see cref="ReminderTimeProviderNames.Reminders"/>) and never the
    /// default one: membership, messaging and the silo's own maintenance stay on the wall clock. Also adds the
    /// incoming and outgoing call filters, a wrapper around the timer registry, and listeners to the silo's reminder
    /// and lifecycle events. Call it inside <c>UseOrleans</c>; several silos may share one clock.
    /// </summary>
    public static ISiloBuilder UseLockstepClock(this ISiloBuilder silo, LockstepClock clock)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(clock);
        var services = silo.Services;
        if (services.Any(d => d.ServiceType == typeof(SiloLockstep)))
            throw new InvalidOperationException("UseLockstepClock was already called for this silo.");
        var timers = services.LastOrDefault(d => d.ServiceType == typeof(ITimerRegistry) && !d.IsKeyedService)
            ?? throw new InvalidOperationException("The silo has no timer registry to wrap: call UseLockstepClock inside UseOrleans.");

        services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Grains, clock);
        services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, clock);
        services.AddSingleton(sp => new SiloLockstep(clock, sp.GetRequiredService<ILocalSiloDetails>()));
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<SiloLockstep>());
        services.AddSingleton<IOutgoingGrainCallFilter>(sp => new OutgoingCallTracker(sp.GetRequiredService<SiloLockstep>()));
        services.AddSingleton<IIncomingGrainCallFilter>(sp => new IncomingCallTracker(sp.GetRequiredService<SiloLockstep>()));
        services.Remove(timers);
        services.AddSingleton<ITimerRegistry>(sp => new LockstepTimerRegistry(Create(sp, timers), sp.GetRequiredService<SiloLockstep>()));
        return silo;
    }

    private static ITimerRegistry Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        (ITimerRegistry)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
