using Orleans;
using SupplyGrid.Geo;
using SupplyGrid.Grains.Events;

namespace SupplyGrid.Grains.Messaging;

/// <summary>The structured part of an MDT message: what the terminal needs beyond the display text.</summary>
[GenerateSerializer, Alias("supplygrid.MdtPayload"), Immutable]
public sealed record MdtPayload
{
    public const int MaxPlaceNameLength = 64;

    /// <summary>H3 index of the target cell as lowercase hexadecimal, e.g. "8865229a1bfffff".</summary>
    [Id(0)]
    public string? TargetCell { get; init; }

    /// <summary>A human name for the target area ("Marina Bay").</summary>
    [Id(1)]
    public string? PlaceName { get; init; }

    /// <summary>Centre of the target cell, for the terminal's navigation.</summary>
    [Id(2)]
    public double? CentreLat { get; init; }

    [Id(3)]
    public double? CentreLng { get; init; }

    /// <summary>The money offered or paid, in <see cref="Currency"/>.</summary>
    [Id(4)]
    public decimal? Amount { get; init; }

    /// <summary>ISO 4217 code of <see cref="Amount"/>.</summary>
    [Id(5)]
    public string? Currency { get; init; }

    /// <summary>Reply by this time (an offer) or arrive by it (a confirmed offer).</summary>
    [Id(6)]
    public DateTimeOffset? Deadline { get; init; }

    [Id(7)]
    public MdtReasonFigures? Reason { get; init; }

    /// <summary>Checks the fields present, and that the fields <paramref name="type"/> needs are present.</summary>
    internal string? Validate(MdtMessageType type) =>
        TargetCellProblem()
        ?? FieldRules.OptionalText(PlaceName, MaxPlaceNameLength, "payload.place_name")
        ?? FieldRules.OptionalPoint(CentreLat, CentreLng, "payload.centre_lat", "payload.centre_lng")
        ?? (Amount is { } amount ? FieldRules.NonNegative(amount, "payload.amount") : null)
        ?? (Currency is null ? null : FieldRules.Currency(Currency, "payload.currency"))
        ?? ((Amount is null) != (Currency is null) ? "payload.amount and payload.currency must be given together" : null)
        ?? Reason?.Validate()
        ?? MissingFor(type);

    private string? TargetCellProblem()
    {
        if (TargetCell is null)
            return null;
        bool lowercaseHex = TargetCell.Length > 0 && TargetCell.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
        return lowercaseHex && H3Index.TryParse(TargetCell, out var cell) && H3.IsValidCell(cell)
            ? null
            : $"payload.target_cell must be an H3 cell index in lowercase hexadecimal (was {JsonTokenText.Quote(TargetCell)})";
    }

    private string? MissingFor(MdtMessageType type) => type switch
    {
        MdtMessageType.RepositionOffer or MdtMessageType.IncentiveOffer or MdtMessageType.OfferConfirmed =>
            Require(TargetCell is not null, "payload.target_cell", type)
            ?? Require(CentreLat is not null, "payload.centre_lat", type)
            ?? Require(Amount is not null, "payload.amount", type)
            ?? Require(Deadline is not null, "payload.deadline", type),
        MdtMessageType.IncentivePaid => Require(Amount is not null, "payload.amount", type),
        _ => null,
    };

    private static string? Require(bool present, string field, MdtMessageType type) =>
        !present ? $"{field} is required for {SnakeCaseEnumConverter<MdtMessageType>.WireName(type)}" : null;
}
