using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace SupplyGrid.Silo.Hosting;

internal static class SiloClusterRegistration
{
    /// <summary>
    /// One silo on localhost clustering with the ports and ids of <see cref="SiloClusterOptions"/>, validated before
    /// Orleans starts so a bad port names its setting instead of failing a socket bind.
    /// </summary>
    public static ISiloBuilder UseSupplyGridCluster(this ISiloBuilder silo, IConfiguration configuration)
    {
        var options = configuration.GetSection(SiloClusterOptions.SectionName).Get<SiloClusterOptions>() ?? new SiloClusterOptions();
        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true))
        {
            throw new OptionsValidationException(SiloClusterOptions.SectionName, typeof(SiloClusterOptions),
                problems.Select(p => $"{SiloClusterOptions.SectionName}:{string.Join(",", p.MemberNames)}: {p.ErrorMessage}"));
        }

        silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
        return silo;
    }
}
