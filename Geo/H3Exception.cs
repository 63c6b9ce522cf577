namespace SupplyGrid.Geo;

/// <summary>
/// An H3 operation that is undefined for its (valid) inputs, raised where the reference
/// implementation returns an error code.
/// </summary>
public sealed class H3Exception : Exception
{
    public H3Exception(H3ErrorCode code, string message)
        : base(message)
    {
        Code = code;
    }

    public H3ErrorCode Code { get; }
}
