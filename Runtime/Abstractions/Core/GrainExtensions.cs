namespace SupplyGrid.Runtime;

/// <summary>Key accessors for grains and grain references (mirrors Orleans' <c>GrainExtensions</c>).</summary>
public static class GrainExtensions
{
    public static GrainId GetGrainId(this IAddressable grain) => grain switch
    {
        Grain g => g.GrainId,
        IGrainReference r => r.GrainId,
        _ => throw new ArgumentException($"{grain.GetType()} is neither a grain nor a grain reference.", nameof(grain)),
    };

    public static string GetPrimaryKeyString(this IAddressable grain) => grain.GetGrainId().Key;

    public static Guid GetPrimaryKey(this IAddressable grain) => grain.GetGrainId().KeyAsGuid();

    public static long GetPrimaryKeyLong(this IAddressable grain) => grain.GetGrainId().KeyAsLong();
}

/// <summary>Implemented by generated grain references.</summary>
public interface IGrainReference : IAddressable
{
    GrainId GrainId { get; }
}
