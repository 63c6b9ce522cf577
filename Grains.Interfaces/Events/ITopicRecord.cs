namespace SupplyGrid.Grains.Events;

/// <summary>A record carried by one of the grid's topics, checked before any grain sees it.</summary>
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
