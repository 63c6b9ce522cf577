using SupplyGrid.Geo;

namespace SupplyGrid.Geo.Tests.Oracle;

/// <summary>A point and its cell at every resolution 0..15.</summary>
public sealed record PointVector(double Lat, double Lng, H3Index[] CellByResolution);

/// <summary>A point on a cell edge or vertex and the cell h3-js puts it in.</summary>
public sealed record EdgePointVector(double Lat, double Lng, int Resolution, H3Index Cell);

public sealed record CellVector(H3Index Cell, LatLng Center, double AreaKm2, LatLng[] Boundary);

public sealed record DiskVector(H3Index Origin, int K, H3Index[] Cells);

/// <summary>Distance is -1 where h3-js throws; ErrorCode is then its H3 error code.</summary>
public sealed record DistanceVector(H3Index A, H3Index B, int Distance, int ErrorCode);

/// <summary>Parents indexed by resolution 0..res, centre children by resolution res..15.</summary>
public sealed record HierarchyVector(
    H3Index Cell, H3Index[] Parents, H3Index[] CenterChildren, H3Index[] ChildrenOneDown, H3Index[] ChildrenTwoDown);

/// <summary>Mutation names the corruption applied to a valid cell (0 = none; see the generator).</summary>
public sealed record ValidityVector(H3Index Index, bool IsValid, int Mutation);

public sealed record GreatCircleVector(LatLng A, LatLng B, double Km);

/// <summary>Function: 0 sin, 1 cos, 2 tan, 3 asin, 4 acos, 5 atan, 6 atan2(Y, X).</summary>
public sealed record MathVector(int Function, double X, double Y, double Result);
