namespace SupplyGrid.Geo.Internal;

/// <summary>
/// The icosahedron H3 projects onto: face centres, face axis orientation and how neighbouring
/// faces' coordinate systems relate. Values are H3's published constants.
/// </summary>
internal static class Icosahedron
{
    public const int FaceCount = 20;

    /// <summary>Quadrant of a face's neighbour table: across the edge opposite the IJ, KI or JK vertex.</summary>
    public const int IJ = 1;
    public const int KI = 2;
    public const int JK = 3;

    /// <summary>Face centres on the unit sphere.</summary>
    public static readonly Vec3[] Centers =
    [
        new(0.2199307791404606, 0.6583691780274996, 0.7198475378926182),
        new(-0.2139234834501421, 0.1478171829550703, 0.9656017935214205),
        new(0.1092625278784797, -0.4811951572873210, 0.8697775121287253),
        new(0.7428567301586791, -0.3593941678278028, 0.5648005936517033),
        new(0.8112534709140969, 0.3448953237639384, 0.4721387736413930),
        new(-0.1055498149613921, 0.9794457296411413, 0.1718874610009365),
        new(-0.8075407579970092, 0.1533552485898818, 0.5695261994882688),
        new(-0.2846148069787907, -0.8644080972654206, 0.4144792552473539),
        new(0.7405621473854482, -0.6673299564565524, -0.0789837646326737),
        new(0.8512303986474293, 0.4722343788582681, -0.2289137388687808),
        new(-0.7405621473854481, 0.6673299564565524, 0.0789837646326737),
        new(-0.8512303986474292, -0.4722343788582682, 0.2289137388687808),
        new(0.1055498149613919, -0.9794457296411413, -0.1718874610009365),
        new(0.8075407579970092, -0.1533552485898819, -0.5695261994882688),
        new(0.2846148069787908, 0.8644080972654204, -0.4144792552473539),
        new(-0.7428567301586791, 0.3593941678278027, -0.5648005936517033),
        new(-0.8112534709140971, -0.3448953237639382, -0.4721387736413930),
        new(-0.2199307791404607, -0.6583691780274996, -0.7198475378926182),
        new(0.2139234834501420, -0.1478171829550704, -0.9656017935214205),
        new(-0.1092625278784796, 0.4811951572873210, -0.8697775121287253),
    ];

    /// <summary>Azimuth in radians from each face centre to its Class II i axis.</summary>
    public static readonly double[] AxisIAzimuths =
    [
        5.619958268523939882, 5.760339081714187279, 0.780213654393430055, 0.430469363979999913,
        6.130269123335111400, 2.692877706530642877, 2.982963003477243874, 3.532912002790141181,
        3.494305004259568154, 3.003214169499538391, 5.930472956509811562, 0.138378484090254847,
        0.448714947059150361, 0.158629650112549365, 5.891865957979238535, 2.711123289609793325,
        3.294508837434268316, 3.804819692245439833, 3.664438879055192436, 2.361378999196363184,
    ];

    /// <summary>Unit vector pointing north in the tangent plane at each face centre.</summary>
    public static readonly Vec3[] CenterNorth = new Vec3[FaceCount];

    /// <summary>Unit vector pointing east in the tangent plane at each face centre.</summary>
    public static readonly Vec3[] CenterEast = new Vec3[FaceCount];

    /// <summary>
    /// For each face, indexed by quadrant (IJ, KI, JK; index 0 is the face itself): the
    /// neighbouring face, the translation of the origin into its coordinates (in units of the
    /// res 0 face width) and the number of 60° ccw rotations into its coordinates.
    /// </summary>
    public static readonly FaceOrientation[] Neighbors = BuildNeighbors();

    /// <summary>Quadrant (IJ, KI, JK) of face b as seen from face a, or -1 if not adjacent.</summary>
    public static int AdjacentFaceDirection(int a, int b) => AdjacentDirections[a * FaceCount + b];

    private static ReadOnlySpan<sbyte> AdjacentDirections =>
    [
        0, KI, -1, -1, IJ, JK, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        IJ, 0, KI, -1, -1, -1, JK, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, IJ, 0, KI, -1, -1, -1, JK, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, IJ, 0, KI, -1, -1, -1, JK, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        KI, -1, -1, IJ, 0, -1, -1, -1, -1, JK, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        JK, -1, -1, -1, -1, 0, -1, -1, -1, -1, IJ, -1, -1, -1, KI, -1, -1, -1, -1, -1,
        -1, JK, -1, -1, -1, -1, 0, -1, -1, -1, KI, IJ, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, JK, -1, -1, -1, -1, 0, -1, -1, -1, KI, IJ, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, JK, -1, -1, -1, -1, 0, -1, -1, -1, KI, IJ, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, JK, -1, -1, -1, -1, 0, -1, -1, -1, KI, IJ, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, IJ, KI, -1, -1, -1, 0, -1, -1, -1, -1, JK, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, IJ, KI, -1, -1, -1, 0, -1, -1, -1, -1, JK, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, IJ, KI, -1, -1, -1, 0, -1, -1, -1, -1, JK, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, IJ, KI, -1, -1, -1, 0, -1, -1, -1, -1, JK, -1,
        -1, -1, -1, -1, -1, KI, -1, -1, -1, IJ, -1, -1, -1, -1, 0, -1, -1, -1, -1, JK,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, JK, -1, -1, -1, -1, 0, IJ, -1, -1, KI,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, JK, -1, -1, -1, KI, 0, IJ, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, JK, -1, -1, -1, KI, 0, IJ, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, JK, -1, -1, -1, KI, 0, IJ,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, JK, IJ, -1, -1, KI, 0,
    ];

    static Icosahedron()
    {
        // The tangent basis is computed exactly as the reference computes it per call, so
        // caching it changes no bit of any result.
        var northPole = new Vec3(0.0, 0.0, 1.0);
        for (int f = 0; f < FaceCount; f++)
        {
            var c = Centers[f];
            var north = Vec3.LinearCombination(1.0, northPole, -northPole.Dot(c), c).Normalized();
            CenterNorth[f] = north;
            CenterEast[f] = north.Cross(c);
        }
    }

    private static FaceOrientation[] BuildNeighbors()
    {
        // Rows: face; columns: self, IJ, KI, JK quadrants as (face, i, j, k, ccw rotations).
        ReadOnlySpan<int> table =
        [
            0, 0, 0, 0, 0, 4, 2, 0, 2, 1, 1, 2, 2, 0, 5, 5, 0, 2, 2, 3,
            1, 0, 0, 0, 0, 0, 2, 0, 2, 1, 2, 2, 2, 0, 5, 6, 0, 2, 2, 3,
            2, 0, 0, 0, 0, 1, 2, 0, 2, 1, 3, 2, 2, 0, 5, 7, 0, 2, 2, 3,
            3, 0, 0, 0, 0, 2, 2, 0, 2, 1, 4, 2, 2, 0, 5, 8, 0, 2, 2, 3,
            4, 0, 0, 0, 0, 3, 2, 0, 2, 1, 0, 2, 2, 0, 5, 9, 0, 2, 2, 3,
            5, 0, 0, 0, 0, 10, 2, 2, 0, 3, 14, 2, 0, 2, 3, 0, 0, 2, 2, 3,
            6, 0, 0, 0, 0, 11, 2, 2, 0, 3, 10, 2, 0, 2, 3, 1, 0, 2, 2, 3,
            7, 0, 0, 0, 0, 12, 2, 2, 0, 3, 11, 2, 0, 2, 3, 2, 0, 2, 2, 3,
            8, 0, 0, 0, 0, 13, 2, 2, 0, 3, 12, 2, 0, 2, 3, 3, 0, 2, 2, 3,
            9, 0, 0, 0, 0, 14, 2, 2, 0, 3, 13, 2, 0, 2, 3, 4, 0, 2, 2, 3,
            10, 0, 0, 0, 0, 5, 2, 2, 0, 3, 6, 2, 0, 2, 3, 15, 0, 2, 2, 3,
            11, 0, 0, 0, 0, 6, 2, 2, 0, 3, 7, 2, 0, 2, 3, 16, 0, 2, 2, 3,
            12, 0, 0, 0, 0, 7, 2, 2, 0, 3, 8, 2, 0, 2, 3, 17, 0, 2, 2, 3,
            13, 0, 0, 0, 0, 8, 2, 2, 0, 3, 9, 2, 0, 2, 3, 18, 0, 2, 2, 3,
            14, 0, 0, 0, 0, 9, 2, 2, 0, 3, 5, 2, 0, 2, 3, 19, 0, 2, 2, 3,
            15, 0, 0, 0, 0, 16, 2, 0, 2, 1, 19, 2, 2, 0, 5, 10, 0, 2, 2, 3,
            16, 0, 0, 0, 0, 17, 2, 0, 2, 1, 15, 2, 2, 0, 5, 11, 0, 2, 2, 3,
            17, 0, 0, 0, 0, 18, 2, 0, 2, 1, 16, 2, 2, 0, 5, 12, 0, 2, 2, 3,
            18, 0, 0, 0, 0, 19, 2, 0, 2, 1, 17, 2, 2, 0, 5, 13, 0, 2, 2, 3,
            19, 0, 0, 0, 0, 15, 2, 0, 2, 1, 18, 2, 2, 0, 5, 14, 0, 2, 2, 3,
        ];
        var result = new FaceOrientation[FaceCount * 4];
        for (int n = 0; n < result.Length; n++)
        {
            var row = table.Slice(n * 5, 5);
            result[n] = new FaceOrientation(row[0], new CoordIjk(row[1], row[2], row[3]), row[4]);
        }
        return result;
    }
}

/// <summary>How to move a coordinate into a neighbouring face's coordinate system.</summary>
internal readonly record struct FaceOrientation(int Face, CoordIjk Translate, int CcwRotations);
