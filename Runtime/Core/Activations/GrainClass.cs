using System.Linq.Expressions;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using SupplyGrid.Runtime.Concurrency;
using SupplyGrid.Runtime.Metrics;
using SupplyGrid.Runtime.Storage;
using SupplyGrid.Runtime.Streams;

namespace SupplyGrid.Runtime.Activations;

/// <summary>What the runtime knows about one grain class: its type name, scheduling attributes and how to build it.</summary>
internal sealed class GrainClass
{
    private readonly Func<IServiceProvider, Activation, object> _factory;

    public GrainClass(Type classType)
    {
        if (!typeof(Grain).IsAssignableFrom(classType) || classType.IsAbstract || classType.IsGenericTypeDefinition)
            throw new ArgumentException($"{classType} is not a concrete grain class (derive from {nameof(Grain)}).", nameof(classType));
        ClassType = classType;
        GrainType = classType.GetCustomAttribute<GrainTypeAttribute>()?.GrainType ?? DefaultGrainType(classType);
        IsReentrant = classType.GetCustomAttribute<ReentrantAttribute>() is not null;
        var worker = classType.GetCustomAttribute<StatelessWorkerAttribute>();
        MaxLocalWorkers = worker is null ? 0 : worker.MaxLocalWorkers > 0 ? worker.MaxLocalWorkers : Environment.ProcessorCount;
        CollectionAge = classType.GetCustomAttribute<CollectionAgeLimitAttribute>()?.Amount;
        StreamNamespaces = classType.GetCustomAttributes<ImplicitStreamSubscriptionAttribute>().Select(a => a.Namespace).Distinct().ToArray();
        GrainInterfaces = classType.GetInterfaces().Where(IsGrainInterface).ToArray();
        (_factory, StorageNames) = BuildFactory(classType);
        Statistics = new GrainTypeStatistics(GrainType);
    }

    public Type ClassType { get; }

    public string GrainType { get; }

    public bool IsReentrant { get; }

    /// <summary>0 for ordinary grains; the activation limit per id for <c>[StatelessWorker]</c> grains.</summary>
    public int MaxLocalWorkers { get; }

    public bool IsStatelessWorker => MaxLocalWorkers > 0;

    public TimeSpan? CollectionAge { get; }

    public IReadOnlyList<string> StreamNamespaces { get; }

    public IReadOnlyList<Type> GrainInterfaces { get; }

    /// <summary>Storage providers the constructor's <c>[PersistentState]</c> parameters name (checked at start).</summary>
    public IReadOnlyList<string> StorageNames { get; }

    public GrainTypeStatistics Statistics { get; }

    public object CreateInstance(IServiceProvider services, Activation activation)
    {
        var previous = RuntimeContext.Exchange(activation);
        try
        {
            return _factory(services, activation);
        }
        finally
        {
            RuntimeContext.Exchange(previous);
        }
    }

    public static bool IsGrainInterface(Type type) =>
        type.IsInterface && typeof(IGrain).IsAssignableFrom(type) && type != typeof(IGrain)
        && type != typeof(IGrainWithStringKey) && type != typeof(IGrainWithGuidKey) && type != typeof(IGrainWithIntegerKey);

    private static string DefaultGrainType(Type classType)
    {
        var name = classType.Name;
        if (name.EndsWith("Grain", StringComparison.Ordinal) && name.Length > "Grain".Length)
            name = name[..^"Grain".Length];
        return name.ToLowerInvariant();
    }

    /// <summary>
    /// Compiles "new TGrain(services.GetRequiredService&lt;A&gt;(), PersistentState&lt;S&gt;.Create(...), ...)" once per
    /// class, so activation costs no reflection.
    /// </summary>
    private static (Func<IServiceProvider, Activation, object>, IReadOnlyList<string>) BuildFactory(Type classType)
    {
        var constructor = classType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new ArgumentException($"Grain class {classType} has no public constructor.", nameof(classType));
        var services = Expression.Parameter(typeof(IServiceProvider), "services");
        var activation = Expression.Parameter(typeof(Activation), "activation");
        var storageNames = new List<string>();
        var arguments = constructor.GetParameters().Select(parameter =>
        {
            var state = parameter.GetCustomAttribute<PersistentStateAttribute>();
            if (state is null)
            {
                var resolve = typeof(ServiceProviderServiceExtensions)
                    .GetMethod(nameof(ServiceProviderServiceExtensions.GetRequiredService), [typeof(IServiceProvider), typeof(Type)])!;
                return (Expression)Expression.Convert(
                    Expression.Call(resolve, services, Expression.Constant(parameter.ParameterType)), parameter.ParameterType);
            }

            if (!parameter.ParameterType.IsGenericType || parameter.ParameterType.GetGenericTypeDefinition() != typeof(IPersistentState<>))
                throw new ArgumentException($"[PersistentState] parameter '{parameter.Name}' of {classType} must be an IPersistentState<T>.");
            var storageName = state.StorageName ?? GrainStorageNames.Default;
            storageNames.Add(storageName);
            var stateType = parameter.ParameterType.GetGenericArguments()[0];
            var create = typeof(PersistentState<>).MakeGenericType(stateType).GetMethod(nameof(PersistentState<object>.Create))!;
            return Expression.Call(create, services, activation, Expression.Constant(state.StateName), Expression.Constant(storageName));
        }).ToArray();
        var body = Expression.Convert(Expression.New(constructor, arguments), typeof(object));
        return (Expression.Lambda<Func<IServiceProvider, Activation, object>>(body, services, activation).Compile(), storageNames);
    }
}
