using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SupplyGrid.Dashboard.Tests.Deployment;

/// <summary>
/// Creates every options class a service collection configures, under every name it is configured with, the way the
/// silo would on first use: binding reads the configuration, validation runs. Creating them all makes the binder look
/// up every key the silo can bind, including options the hollowed start never touched.
/// </summary>
internal static class OptionsCreation
{
    private static readonly Type[] s_optionsServices =
        [typeof(IConfigureOptions<>), typeof(IPostConfigureOptions<>), typeof(IValidateOptions<>), typeof(IOptionsChangeTokenSource<>)];

    private static readonly MethodInfo s_createNamed =
        typeof(OptionsCreation).GetMethod(nameof(CreateNamed), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <returns>One line per options class and name that could not be created: its type, name and error.</returns>
    public static IReadOnlyList<string> CreateAll(IServiceProvider provider, IServiceCollection services)
    {
        var optionsTypes = services
            .Select(d => d.ServiceType)
            .Where(t => t.IsGenericType && s_optionsServices.Contains(t.GetGenericTypeDefinition()))
            .Select(t => t.GetGenericArguments()[0])
            .Where(t => !t.ContainsGenericParameters)
            .Distinct();
        var failures = new List<string>();
        foreach (var type in optionsTypes)
            failures.AddRange((IEnumerable<string>)s_createNamed.MakeGenericMethod(type).Invoke(null, [provider])!);
        return failures;
    }

    private static List<string> CreateNamed<TOptions>(IServiceProvider provider)
        where TOptions : class
    {
        // A configuration action applies to one name (ConfigureNamedOptions.Name) or, with a null name, to all.
        var names = provider.GetServices<IConfigureOptions<TOptions>>()
            .Select(c => c.GetType().GetProperty("Name")?.GetValue(c) as string)
            .Concat(provider.GetServices<IOptionsChangeTokenSource<TOptions>>().Select(s => s.Name))
            .OfType<string>()
            .Append(Options.DefaultName)
            .Distinct(StringComparer.Ordinal);
        var factory = provider.GetRequiredService<IOptionsFactory<TOptions>>();
        var failures = new List<string>();
        foreach (var name in names)
        {
            try
            {
                factory.Create(name);
            }
            catch (Exception error) when (error is OptionsValidationException or ArgumentException or InvalidOperationException or FormatException)
            {
                failures.Add($"{typeof(TOptions).Name}['{name}']: {error.Message}");
            }
        }

        return failures;
    }
}
