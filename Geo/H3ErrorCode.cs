namespace SupplyGrid.Geo;

/// <summary>
/// The H3 library error codes this implementation raises. The numeric values are H3's own
/// (<c>H3Error</c>), so they compare directly with the codes the reference reports.
/// </summary>
public enum H3ErrorCode
{
    /// <summary>E_FAILED: the operation is not defined for these inputs (for example a grid
    /// distance across a pentagon's deleted sub-sequence or between distant base cells).</summary>
    Failed = 1,

    /// <summary>E_PENTAGON: pentagon distortion was encountered.</summary>
    Pentagon = 9,

    /// <summary>E_RES_MISMATCH: the cells have incompatible resolutions.</summary>
    ResolutionMismatch = 12,
}
