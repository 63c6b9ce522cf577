using System.Reflection;

namespace SupplyGrid.Grains.Tests.Contracts;

/// <summary>
/// The types that cross grain calls, found by reflection so that a new contract is covered without anyone listing it:
/// every type marked [GenerateSerializer] in the contracts assembly, and every type in a grain interface method's
/// signature (parameters, and the T of Task&lt;T&gt;), followed through their members to the types those hold.
/// </summary>
internal static class ContractTypes
{
    public static Assembly Contracts { get; } = typeof(ICellGrain).Assembly;

    private static readonly Lazy<IReadOnlyDictionary<string, Type>> s_byName = new(() => Find().ToDictionary(Name));

    /// <summary>The types by display name (theory data must be serializable, a <see cref="Type"/> is not).</summary>
    public static IReadOnlyDictionary<string, Type> ByName => s_byName.Value;

    public static string Name(Type type) => type switch
    {
        { IsArray: true } => Name(type.GetElementType()!) + "[]",
        { IsGenericType: true } => $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>",
        _ => type.FullName ?? type.Name,
    };

    /// <summary>Grain interfaces declared in the contracts assembly.</summary>
    public static IEnumerable<Type> GrainInterfaces() =>
        Contracts.GetTypes().Where(t => t.IsInterface && typeof(IAddressable).IsAssignableFrom(t));

    private static IEnumerable<Type> Find()
    {
        var found = new HashSet<Type>();
        foreach (var type in Contracts.GetTypes().Where(t => t.GetCustomAttribute<GenerateSerializerAttribute>() is not null))
            Walk(type, found);
        foreach (var method in GrainInterfaces().SelectMany(i => i.GetMethods()))
        {
            foreach (var parameter in method.GetParameters())
                Walk(parameter.ParameterType, found);
            if (ResultOf(method.ReturnType) is { } result)
                Walk(result, found);
        }

        return found.Where(IsContract).OrderBy(Name, StringComparer.Ordinal);
    }

    /// <summary>The T of Task&lt;T&gt; or ValueTask&lt;T&gt;; null for Task, ValueTask and void.</summary>
    private static Type? ResultOf(Type returnType) =>
        returnType.IsGenericType && (returnType.GetGenericTypeDefinition() == typeof(Task<>) || returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
            ? returnType.GetGenericArguments()[0]
            : null;

    private static void Walk(Type type, HashSet<Type> found)
    {
        if (type.IsByRef)
            type = type.GetElementType()!;
        if (type.IsGenericTypeDefinition || !found.Add(type))
            return;
        if (type.IsArray)
            Walk(type.GetElementType()!, found);
        foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : [])
            Walk(argument, found);
        if (!IsOurs(type))
            return;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
            Walk(property.PropertyType, found);
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
            Walk(field.FieldType, found);
    }

    /// <summary>Our own types, and framework generics or arrays that carry them (IReadOnlyList&lt;Hotspot&gt;).</summary>
    private static bool IsContract(Type type) =>
        IsOurs(type) || (type.IsArray && IsContract(type.GetElementType()!)) || (type.IsGenericType && type.GetGenericArguments().Any(IsContract));

    private static bool IsOurs(Type type) => type.Assembly.GetName().Name?.StartsWith("SupplyGrid.", StringComparison.Ordinal) == true;
}
