namespace SupplyGrid.Geo.Internal;

/// <summary>A cell position: an icosahedron face and IJK coordinates centred on that face.</summary>
internal struct FaceIjk
{
    public int Face;
    public CoordIjk Coord;

    public FaceIjk(int face, CoordIjk coord)
    {
        Face = face;
        Coord = coord;
    }
}
