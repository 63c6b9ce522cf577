using SupplyGrid.Grains.Events;

namespace SupplyGrid.Grains.Tests.Events;

/// <summary>
/// Named changes to a valid sample record, each with the field whose rule it breaks (or none). Names keep the
/// theory cases serializable and readable in test output.
/// </summary>
internal sealed class RuleCases<T> where T : ITopicRecord
{
    private readonly Dictionary<string, (Func<T, T> Change, string? Field)> _cases = new(StringComparer.Ordinal);

    public RuleCases<T> Valid(string name, Func<T, T> change)
    {
        _cases.Add(name, (change, null));
        return this;
    }

    public RuleCases<T> Broken(string name, string field, Func<T, T> change)
    {
        _cases.Add(name, (change, field));
        return this;
    }

    public TheoryData<string> Names => new(_cases.Keys);

    /// <summary>Applies the named change to <paramref name="sample"/> and checks the verdict at <see cref="Samples.Now"/>.</summary>
    public void Check(T sample, string name)
    {
        var (change, field) = _cases[name];

        string? error = change(sample).Validate(Samples.Now, Samples.Options);

        if (field is null)
        {
            Assert.Null(error);
        }
        else
        {
            Assert.NotNull(error);
            Assert.StartsWith(field + " ", error);
        }
    }
}
