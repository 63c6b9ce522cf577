using YamlDotNet.RepresentationModel;

namespace SupplyGrid.Dashboard.Tests.Deployment;

/// <summary>
/// Strict access to a parsed YAML file: a missing key or a node of the wrong kind is an error naming the file, the line
/// and the key, never a silent default.
/// </summary>
internal static class YamlNodes
{
    /// <summary>The single document of <paramref name="path"/>, whose root must be a mapping.</summary>
    public static YamlMappingNode LoadMapping(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
            stream.Load(reader);
        if (stream.Documents.Count != 1)
            throw new InvalidDataException($"{path}: expected one YAML document, found {stream.Documents.Count}.");
        return stream.Documents[0].RootNode as YamlMappingNode
            ?? throw new InvalidDataException($"{path}: the document is not a mapping.");
    }

    public static YamlNode? Find(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    public static YamlMappingNode Mapping(this YamlMappingNode node, string key) => Required<YamlMappingNode>(node, key);

    public static YamlMappingNode? OptionalMapping(this YamlMappingNode node, string key) => Optional<YamlMappingNode>(node, key);

    public static YamlSequenceNode Sequence(this YamlMappingNode node, string key) => Required<YamlSequenceNode>(node, key);

    public static YamlSequenceNode? OptionalSequence(this YamlMappingNode node, string key) => Optional<YamlSequenceNode>(node, key);

    public static string Scalar(this YamlMappingNode node, string key) => Text(Required<YamlScalarNode>(node, key));

    public static string? OptionalScalar(this YamlMappingNode node, string key) => Optional<YamlScalarNode>(node, key) is { } scalar ? Text(scalar) : null;

    /// <summary>A mapping whose values are all scalars (environment, ConfigMap data), in file order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ScalarEntries(this YamlMappingNode node) =>
        node.Children.Select(entry => KeyValuePair.Create(Text(As<YamlScalarNode>(entry.Key, "a key")), Text(As<YamlScalarNode>(entry.Value, "a scalar value")))).ToList();

    public static IEnumerable<YamlMappingNode> Mappings(this YamlSequenceNode node) => node.Children.Select(c => As<YamlMappingNode>(c, "a mapping"));

    public static IReadOnlyList<string> Scalars(this YamlSequenceNode node) => node.Children.Select(c => Text(As<YamlScalarNode>(c, "a scalar"))).ToList();

    private static T Required<T>(YamlMappingNode node, string key)
        where T : YamlNode =>
        Optional<T>(node, key) ?? throw new InvalidDataException($"line {node.Start.Line}: '{key}' is missing.");

    private static T? Optional<T>(YamlMappingNode node, string key)
        where T : YamlNode =>
        node.Find(key) is { } child ? As<T>(child, $"'{key}'") : null;

    private static T As<T>(YamlNode node, string what)
        where T : YamlNode =>
        node as T ?? throw new InvalidDataException($"line {node.Start.Line}: {what} must be a {typeof(T).Name.Replace("Yaml", "", StringComparison.Ordinal).Replace("Node", "", StringComparison.Ordinal).ToLowerInvariant()}.");

    private static string Text(YamlScalarNode scalar) => scalar.Value ?? "";
}
