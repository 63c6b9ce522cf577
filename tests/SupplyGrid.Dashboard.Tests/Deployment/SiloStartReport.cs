namespace SupplyGrid.Dashboard.Tests.Deployment;

/// <summary>What the silo's own start showed about a configuration (see <see cref="SiloStartProbe"/>).</summary>
/// <param name="KeysRead">Every configuration key the silo looked up once its host was being built (case-insensitive).</param>
/// <param name="StartFailure">Why the start failed (options validation names the setting), or null when it started.</param>
/// <param name="ListenAddresses">The addresses the web server was given to listen on.</param>
/// <param name="Routes">Every HTTP route the silo mapped.</param>
/// <param name="KafkaTopics">Every topic the silo consumes or produces, the dead-letter topic included.</param>
/// <param name="OptionsFailures">Options that could not be created from the configuration, each with its message.</param>
internal sealed record SiloStartReport(
    IReadOnlySet<string> KeysRead,
    string? StartFailure,
    IReadOnlyList<string> ListenAddresses,
    IReadOnlyList<MappedRoute> Routes,
    IReadOnlySet<string> KafkaTopics,
    IReadOnlyList<string> OptionsFailures);

/// <summary>A route the silo answers: its literal path (null for a pattern with parameters), methods, and whether a caller without a token may use it.</summary>
internal sealed record MappedRoute(string? LiteralPath, IReadOnlyList<string> Methods, bool Anonymous);
