namespace SupplyGrid.Grains.Configuration;

/// <summary>Validation failures that name the configuration key, e.g. "Cities:singapore:Cells:TickInterval".</summary>
internal static class SettingCheck
{
    public static void Require(bool ok, string setting, object? value, string rule)
    {
        if (!ok)
            throw new ArgumentOutOfRangeException(setting, value, $"{setting} {rule}.");
    }

    /// <summary>Runs a policy's own validation, re-throwing its failure under the configuration path of its options.</summary>
    public static T Build<T>(string section, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (ArgumentException ex)
        {
            var setting = ex.ParamName is { Length: > 0 } field ? $"{section}:{field}" : section;
            throw new ArgumentException($"{setting}: {ex.Message}", setting, ex);
        }
    }
}
