namespace SupplyGrid.Grains.Messaging;

/// <summary>What <see cref="MdtDisplayText.ForOffer"/> puts on the terminal for an offer-related message.</summary>
/// <param name="Type">Any type but <see cref="MdtMessageType.Broadcast"/>.</param>
/// <param name="Place">The target area's name; shortened to fit the first line.</param>
/// <param name="Amount">The money offered or paid, not negative.</param>
/// <param name="Currency">ISO 4217 code, e.g. "SGD".</param>
/// <param name="TravelMinutes">The expected drive to the target, when known.</param>
/// <param name="Deadline">Reply by (offers), arrive by (a confirmation), closed at (an expiry); shown in the city's time zone.</param>
public sealed record OfferDisplay(
    MdtMessageType Type,
    string Place,
    decimal Amount,
    string Currency,
    int? TravelMinutes = null,
    DateTimeOffset? Deadline = null);
