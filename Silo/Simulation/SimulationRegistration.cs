using Microsoft.Extensions.Options;
using SupplyGrid.Kafka;

namespace SupplyGrid.Silo.Simulation;

internal static class SimulationRegistration
{
    /// <summary>Adds the simulated city when <c>Simulator:Enabled</c> says so, or by default with the embedded broker.</summary>
    public static IServiceCollection AddSimulatedCity(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SiloSimulationOptions.SectionName);
        var enabled = section.GetValue<bool?>(nameof(SiloSimulationOptions.Enabled))
            ?? string.IsNullOrWhiteSpace(configuration[$"{KafkaOptions.SectionName}:{nameof(KafkaOptions.BootstrapServers)}"]);
        if (!enabled)
            return services;
        services.AddOptions<SiloSimulationOptions>().Bind(section).Validate(o => { o.Validate(); return true; }).ValidateOnStart();
        services.AddHostedService<CitySimulationService>();
        return services;
    }
}
