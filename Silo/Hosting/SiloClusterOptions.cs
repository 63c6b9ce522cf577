using System.ComponentModel.DataAnnotations;

namespace SupplyGrid.Silo.Hosting;

/// <summary>
/// Where this silo listens and which cluster it joins (section <c>Orleans</c>). The defaults are Orleans' own, for one
/// silo on localhost; tests and side-by-side silos set free ports.
/// </summary>
public sealed class SiloClusterOptions
{
    public const string SectionName = "Orleans";

    /// <summary>Silo-to-silo port.</summary>
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port Orleans clients (the dispatch plug-in, an API in its own process) connect to.</summary>
    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    [Required(AllowEmptyStrings = false)]
    public string ClusterId { get; set; } = "supplygrid";

    [Required(AllowEmptyStrings = false)]
    public string ServiceId { get; set; } = "supplygrid";
}
