using Orleans.Runtime;

namespace SupplyGrid.Postgres;

/// <summary>
/// A grain id as our tables keep it: its type and its key as two text columns (grain_type, grain_key), the UTF-8 text
/// Orleans holds them as: "profile/ana" is ('profile', 'ana'), the same row key the tables used before Orleans.
/// </summary>
internal readonly record struct GrainRow(string Type, string Key)
{
    /// <summary>The row key of <paramref name="grainId"/>; refuses ids PostgreSQL text cannot hold, naming the argument.</summary>
    public static GrainRow Of(GrainId grainId, string paramName)
    {
        if (grainId.IsDefault)
            throw new ArgumentException("The grain id is the default value.", paramName);
        var row = new GrainRow(grainId.Type.ToString(), grainId.Key.ToString());
        if (row.Type.Contains('\0') || row.Key.Contains('\0'))
            throw new ArgumentException($"Grain id {grainId} contains a NUL character, which PostgreSQL text cannot store.", paramName);
        return row;
    }

    public GrainId ToGrainId() => GrainId.Create(Type, Key);
}
