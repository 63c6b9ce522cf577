namespace SupplyGrid.Geo.Internal;

/// <summary>A point in a face's 2D hex plane (x along the i axis, unit = one cell width).</summary>
internal readonly record struct Vec2(double X, double Y)
{
    // float epsilon: edge crossings closer than this to a vertex are the vertex itself.
    private const double AlmostEqualThreshold = 1.1920928955078125e-07;

    public double Magnitude => Math.Sqrt(X * X + Y * Y);

    public bool AlmostEquals(Vec2 other) =>
        Math.Abs(X - other.X) < AlmostEqualThreshold && Math.Abs(Y - other.Y) < AlmostEqualThreshold;

    /// <summary>Where line p0-p1 meets line p2-p3 (the lines are assumed not parallel).</summary>
    public static Vec2 Intersect(Vec2 p0, Vec2 p1, Vec2 p2, Vec2 p3)
    {
        double s1x = p1.X - p0.X, s1y = p1.Y - p0.Y;
        double s2x = p3.X - p2.X, s2y = p3.Y - p2.Y;
        double t = (s2x * (p0.Y - p2.Y) - s2y * (p0.X - p2.X)) / (-s2x * s1y + s1x * s2y);
        return new Vec2(p0.X + t * s1x, p0.Y + t * s1y);
    }
}
