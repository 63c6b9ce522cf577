namespace SupplyGrid.Grains.Events;

/// <summary>
/// A record carried by one of the grid's topics, checked before any grain sees it.
/// <para>
/// Records have settable properties marked <c>[JsonRequired]</c> rather than <c>required init</c> ones: for init-only
/// or <c>required</c> members, System.Text.Json's source generator builds the object through its constructor path,
/// which collects every field first; with setters a ping parses in 0.69 of the time and allocates 304 instead of 512
/// bytes (`-- records` in docs/benchmarks.md, Kafka ingest). A missing required field is still refused when parsing;
/// treat a record as immutable once parsed (copy with <c>with</c>).
/// </para>
/// </summary>
public interface ITopicRecord
{
    /// <summary>
    /// Null when the record satisfies its topic's contract; otherwise the first broken rule, as a message that
    /// starts with the field's JSON name.
    /// </summary>
    /// <param name="now">The grid's clock, against which event times are bounded.</param>
    /// <param name="options">The configurable bounds.</param>
    string? Validate(DateTimeOffset now, EventValidationOptions options);
}
