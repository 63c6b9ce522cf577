using System.Buffers.Binary;
using SupplyGrid.Geo;

namespace SupplyGrid.Geo.Tests.Oracle;

/// <summary>Reads the little-endian records written by tests/oracles/h3-vectors.mjs.</summary>
internal sealed class VectorReader(byte[] data)
{
    private int _offset;

    public bool AtEnd => _offset == data.Length;

    public uint U32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    public int I32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public ulong U64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    public double F64() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));

    public H3Index Cell() => new(U64());

    public H3Index[] Cells(int count)
    {
        var cells = new H3Index[count];
        for (int i = 0; i < count; i++)
            cells[i] = Cell();
        return cells;
    }

    public LatLng[] LatLngs(int count)
    {
        var points = new LatLng[count];
        for (int i = 0; i < count; i++)
            points[i] = new LatLng(F64(), F64());
        return points;
    }

    private ReadOnlySpan<byte> Take(int bytes)
    {
        var span = data.AsSpan(_offset, bytes);
        _offset += bytes;
        return span;
    }
}
