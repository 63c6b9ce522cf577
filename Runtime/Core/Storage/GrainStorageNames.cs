namespace SupplyGrid.Runtime.Storage;

public static class GrainStorageNames
{
    /// <summary>The provider a <c>[PersistentState]</c> without a storage name uses.</summary>
    public const string Default = "Default";
}
