using System.Collections;
using System.Reflection;
using SupplyGrid.Geo;
using SupplyGrid.Grains.Tests.Scenarios;

namespace SupplyGrid.Grains.Tests.Contracts;

/// <summary>
/// Builds a value of any contract type with every member set to something other than its default, so a member the
/// serializer forgets shows up as a difference. <paramref name="variant"/> in <see cref="Of"/> makes distinct values
/// (dictionary keys).
/// </summary>
internal static class SampleValues
{
    private const int MaxDepth = 6;

    public static object? Of(Type type, int variant = 0) => Build(type, variant, []);

    private static object? Build(Type type, int variant, Stack<Type> path)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
            return Build(underlying, variant, path);
        if (Scalar(type, variant) is { } scalar)
            return scalar;
        if (type.IsEnum)
        {
            var values = Enum.GetValues(type);
            return values.GetValue(values.Length > 1 ? 1 + variant % (values.Length - 1) : 0);
        }

        if (type.IsArray)
        {
            var element = type.GetElementType()!;
            var array = Array.CreateInstance(element, 2);
            for (var i = 0; i < 2; i++)
                array.SetValue(Build(element, variant + i, path), i);
            return array;
        }

        if (Collection(type, variant, path) is { } collection)
            return collection;
        if (path.Contains(type) || path.Count > MaxDepth)
            return null;
        path.Push(type);
        try
        {
            return Record(type, variant, path);
        }
        finally
        {
            path.Pop();
        }
    }

    private static object? Scalar(Type type, int variant) => type switch
    {
        _ when type == typeof(string) => $"sample-{variant}",
        _ when type == typeof(bool) => true,
        _ when type == typeof(byte) => (byte)(7 + variant),
        _ when type == typeof(short) => (short)(11 + variant),
        _ when type == typeof(int) => 42 + variant,
        _ when type == typeof(long) => 4_200_000_000L + variant,
        _ when type == typeof(ulong) => 4_200_000_000UL + (ulong)variant,
        _ when type == typeof(double) => 1.25 + variant,
        _ when type == typeof(float) => 2.5f + variant,
        _ when type == typeof(decimal) => 12.34m + variant,
        _ when type == typeof(char) => (char)('a' + variant),
        _ when type == typeof(Guid) => new Guid(variant + 1, 2, 3, [4, 5, 6, 7, 8, 9, 10, 11]),
        _ when type == typeof(TimeSpan) => TimeSpan.FromMinutes(5 + variant),
        _ when type == typeof(DateTimeOffset) => new DateTimeOffset(2026, 1, 5, 8, 0, variant, TimeSpan.FromHours(8)),
        _ when type == typeof(DateTime) => new DateTime(2026, 1, 5, 8, 0, variant, DateTimeKind.Utc),
        _ when type == typeof(DateOnly) => new DateOnly(2026, 1, 5 + variant),
        _ when type == typeof(TimeOnly) => new TimeOnly(8, variant),
        _ when type == typeof(H3Index) => Places.Ring(Places.Cell(Places.Anchor), 1)[variant % 6],
        _ when type == typeof(LatLng) => new LatLng(Places.Anchor.Lat + 0.001 * variant, Places.Anchor.Lng),
        _ => null,
    };

    private static object? Collection(Type type, int variant, Stack<Type> path)
    {
        if (!type.IsGenericType)
            return null;
        var definition = type.GetGenericTypeDefinition();
        var arguments = type.GetGenericArguments();
        if (arguments.Length == 2 && (definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>)))
        {
            var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(arguments))!;
            for (var i = 0; i < 2; i++)
                dictionary[Build(arguments[0], variant + i, path)!] = Build(arguments[1], variant + i, path);
            return dictionary;
        }

        if (arguments.Length != 1)
            return null;
        Type? concrete = null;
        if (definition == typeof(HashSet<>) || definition == typeof(ISet<>) || definition == typeof(IReadOnlySet<>))
            concrete = typeof(HashSet<>);
        else if (definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(IReadOnlyList<>)
                 || definition == typeof(ICollection<>) || definition == typeof(IReadOnlyCollection<>) || definition == typeof(IEnumerable<>))
            concrete = typeof(List<>);
        if (concrete is null)
            return null;
        var items = Activator.CreateInstance(concrete.MakeGenericType(arguments))!;
        var add = items.GetType().GetMethod("Add")!;
        for (var i = 0; i < 2; i++)
            add.Invoke(items, [Build(arguments[0], variant + i, path)]);
        return items;
    }

    /// <summary>A record, class or struct: the widest public constructor, then every other settable (or init) property.</summary>
    private static object Record(Type type, int variant, Stack<Type> path)
    {
        if (type.IsAbstract || type.IsInterface)
            throw new NotSupportedException($"No sample for {ContractTypes.Name(type)}: it is abstract.");
        var constructor = type.GetConstructors()
            .Where(c => c.GetParameters().All(p => p.ParameterType != type))
            .OrderByDescending(c => c.GetParameters().Length)
            .FirstOrDefault();
        var parameters = constructor?.GetParameters() ?? [];
        var value = constructor is null
            ? Activator.CreateInstance(type)!
            : constructor.Invoke(parameters.Select(p => Build(p.ParameterType, variant, path)).ToArray());
        var set = parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is { IsPublic: true } && property.GetIndexParameters().Length == 0 && !set.Contains(property.Name))
                property.SetValue(value, Build(property.PropertyType, variant, path));
        }

        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance).Where(f => !f.IsInitOnly && !set.Contains(f.Name)))
            field.SetValue(value, Build(field.FieldType, variant, path));
        return value;
    }
}
