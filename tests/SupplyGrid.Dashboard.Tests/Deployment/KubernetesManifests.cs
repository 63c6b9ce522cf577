using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace SupplyGrid.Dashboard.Tests.Deployment;

/// <summary>
/// deploy/kubernetes: one resource per file, indexed by kind and name. The Secret template's placeholders are
/// substituted from the given environment, as <c>envsubst</c> does when an operator applies it.
/// </summary>
internal sealed class KubernetesManifests
{
    public const string SiloContainer = "silo";

    private readonly Dictionary<(string Kind, string Name), YamlMappingNode> _resources;
    private readonly IReadOnlyDictionary<string, string> _variables;

    private KubernetesManifests(Dictionary<(string, string), YamlMappingNode> resources, IReadOnlyDictionary<string, string> variables)
    {
        _resources = resources;
        _variables = variables;
    }

    /// <param name="variables">The operator's environment the Secret template is filled from.</param>
    public static KubernetesManifests Load(string directory, IReadOnlyDictionary<string, string> variables)
    {
        var resources = new Dictionary<(string, string), YamlMappingNode>();
        foreach (var file in Directory.GetFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            var root = YamlNodes.LoadMapping(file);
            if (root.Find("apiVersion") is null || root.OptionalScalar("kind") is "Kustomization")
                continue;
            var key = (root.Scalar("kind"), root.Mapping("metadata").Scalar("name"));
            if (!resources.TryAdd(key, root))
                throw new InvalidDataException($"{file}: {key.Item1} '{key.Item2}' is defined twice.");
        }

        return new KubernetesManifests(resources, variables);
    }

    public YamlMappingNode Resource(string kind, string name) =>
        _resources.TryGetValue((kind, name), out var resource) ? resource : throw new InvalidDataException($"No {kind} named '{name}'.");

    public IEnumerable<YamlMappingNode> OfKind(string kind) => _resources.Where(r => r.Key.Kind == kind).Select(r => r.Value);

    /// <summary>The silo's Deployment (there must be exactly one Deployment).</summary>
    public YamlMappingNode Deployment => OfKind("Deployment").Single();

    public YamlMappingNode PodSpec => Deployment.Mapping("spec").Mapping("template").Mapping("spec");

    public YamlMappingNode Container =>
        PodSpec.Sequence("containers").Mappings().Single(c => c.Scalar("name") == SiloContainer);

    /// <summary>Container port numbers by name (unnamed ports under their number).</summary>
    public IReadOnlyDictionary<string, int> ContainerPorts =>
        Container.Sequence("ports").Mappings().ToDictionary(
            p => p.OptionalScalar("name") ?? p.Scalar("containerPort"),
            p => int.Parse(p.Scalar("containerPort"), CultureInfo.InvariantCulture));

    /// <summary>The container's environment as the kubelet builds it: envFrom first, then env (which wins).</summary>
    /// <param name="problems">Receives every reference to a ConfigMap, Secret or key that does not exist.</param>
    public IReadOnlyDictionary<string, string> ContainerEnvironment(List<string> problems)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in Container.OptionalSequence("envFrom")?.Mappings() ?? [])
        {
            if (source.OptionalScalar("prefix") is not null)
                throw new InvalidDataException("envFrom prefixes are not used by these manifests.");
            var (kind, reference) = source.OptionalMapping("configMapRef") is { } configMap ? ("ConfigMap", configMap) : ("Secret", source.Mapping("secretRef"));
            if (Data(kind, reference.Scalar("name"), problems) is { } data)
            {
                foreach (var (key, value) in data)
                    environment[key] = value;
            }
        }

        foreach (var variable in Container.OptionalSequence("env")?.Mappings() ?? [])
        {
            var name = variable.Scalar("name");
            if (variable.OptionalScalar("value") is { } literal)
            {
                environment[name] = literal;
                continue;
            }

            var from = variable.Mapping("valueFrom");
            var (kind, reference) = from.OptionalMapping("secretKeyRef") is { } secret ? ("Secret", secret) : ("ConfigMap", from.Mapping("configMapKeyRef"));
            var (source, key) = (reference.Scalar("name"), reference.Scalar("key"));
            if (Data(kind, source, problems) is not { } data)
                continue;
            if (data.TryGetValue(key, out var value))
                environment[name] = value;
            else
                problems.Add($"{name}: {kind} '{source}' has no key '{key}'.");
        }

        return environment;
    }

    /// <summary>The probe's HTTP path and its port, resolved to a number through the container's named ports.</summary>
    public (string Path, int Port) Probe(string probe)
    {
        var get = Container.Mapping(probe).Mapping("httpGet");
        var port = get.Scalar("port");
        return (get.Scalar("path"), ResolvePort(port));
    }

    /// <summary>A port given by name or number, as a container port number (0 when the container has no such port).</summary>
    public int ResolvePort(string port) =>
        int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? (ContainerPorts.Values.Contains(number) ? number : 0)
            : ContainerPorts.GetValueOrDefault(port);

    /// <summary>A ConfigMap's data, or a Secret's stringData and (base64) data, with the template's placeholders substituted.</summary>
    private Dictionary<string, string>? Data(string kind, string name, List<string> problems)
    {
        if (!_resources.TryGetValue((kind, name), out var resource))
        {
            problems.Add($"{kind} '{name}' is referenced but not defined.");
            return null;
        }

        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in resource.OptionalMapping("data")?.ScalarEntries() ?? [])
            data[key] = kind == "Secret" ? System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(value)) : value;
        foreach (var (key, value) in resource.OptionalMapping("stringData")?.ScalarEntries() ?? [])
            data[key] = Interpolation.Resolve(value, _variables);
        return data;
    }
}
