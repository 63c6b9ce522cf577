namespace SupplyGrid.Geo.Tests.Oracle;

/// <summary>Collects disagreements with the reference and fails with the first few and a count.</summary>
internal sealed class Mismatches(string what)
{
    private const int Shown = 10;
    private readonly List<string> _examples = [];

    public int Count { get; private set; }

    public void Add(string description)
    {
        Count++;
        if (_examples.Count < Shown)
            _examples.Add(description);
    }

    public void AssertNone(int checkedCount)
    {
        Assert.True(checkedCount > 0, $"{what}: no vectors were checked.");
        Assert.True(Count == 0,
            $"{what}: {Count} of {checkedCount} differ from h3-js, for example:{Environment.NewLine}"
            + string.Join(Environment.NewLine, _examples));
    }
}
