using System.Globalization;
using System.Text;
using SupplyGrid.Grains.Events;
using static SupplyGrid.Grains.Messaging.MdtTextRules;

namespace SupplyGrid.Grains.Messaging;

/// <summary>
/// Composes display text for the in-vehicle terminal within <see cref="MdtTextRules"/>: at most
/// <see cref="MdtTextRules.MaxLines"/> lines of at most <see cref="MdtTextRules.MaxLineLength"/> characters, joined by
/// "\n". Names are shortened with "..." and never cut inside a
/// character (surrogate pairs, combining marks); figures (amounts, minutes, times) are never shortened.
/// </summary>
public static class MdtDisplayText
{
    private const string Ellipsis = "...";

    /// <summary>
    /// E.g. "REPOSITION: Marina Bay" / "+SGD 15.00, 6 min" / "reply by 10:42": a heading naming the place, then the
    /// figures packed onto as few lines as they fit.
    /// </summary>
    /// <param name="offer">The offer; its <see cref="OfferDisplay.Type"/> must not be a broadcast.</param>
    /// <param name="zone">The city's time zone, in which the deadline is shown.</param>
    /// <exception cref="ArgumentException">A field of <paramref name="offer"/> is out of range, or the amount is too large for a line.</exception>
    public static string ForOffer(OfferDisplay offer, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(offer.Place, "offer.Place");
        if (!CurrencyCode.IsValid(offer.Currency))
            throw new ArgumentException($"offer.Currency must be a three-letter ISO 4217 code such as SGD (was '{offer.Currency}').", "offer.Currency");
        ArgumentOutOfRangeException.ThrowIfNegative(offer.Amount, "offer.Amount");
        if (offer.TravelMinutes is { } minutes)
            ArgumentOutOfRangeException.ThrowIfNegative(minutes, "offer.TravelMinutes");

        string money = string.Create(CultureInfo.InvariantCulture, $"+{offer.Currency} {offer.Amount:N2}");
        string? deadline = offer.Deadline is { } at
            ? TimeZoneInfo.ConvertTime(at, zone).ToString("HH:mm", CultureInfo.InvariantCulture)
            : null;
        string? travel = offer.TravelMinutes is { } m ? string.Create(CultureInfo.InvariantCulture, $"{m} min") : null;

        var (heading, figures) = offer.Type switch
        {
            MdtMessageType.RepositionOffer => ("REPOSITION", new[] { money, travel, Prefixed("reply by", deadline) }),
            MdtMessageType.IncentiveOffer => ("INCENTIVE", new[] { money, travel, Prefixed("reply by", deadline) }),
            MdtMessageType.OfferConfirmed => ("CONFIRMED", new[] { money, travel, Prefixed("arrive by", deadline) }),
            MdtMessageType.OfferExpired => ("EXPIRED", new[] { Prefixed("offer closed", deadline) ?? "offer closed" }),
            MdtMessageType.IncentivePaid => ("PAID", new[] { money }),
            _ => throw new ArgumentException(
                $"{offer.Type} has no offer layout; use {nameof(ForBroadcast)} for free text.", "offer.Type"),
        };

        var lines = new List<string>(MaxLines) { Shorten(Join(heading, Clean(offer.Place)), MaxLineLength) };
        foreach (string? figure in figures)
        {
            if (figure is null)
                continue;
            if (figure.Length > MaxLineLength)
                throw new ArgumentOutOfRangeException("offer.Amount", offer.Amount, $"'{figure}' does not fit a {MaxLineLength}-character line.");
            if (lines.Count > 1 && lines[^1].Length + 2 + figure.Length <= MaxLineLength)
                lines[^1] += ", " + figure;
            else
                lines.Add(figure);
        }
        return string.Join('\n', lines);
    }

    /// <summary>
    /// Free text word-wrapped onto the terminal; words longer than a line are split, and text beyond the last line is
    /// replaced by "...". Line breaks and other control characters in the input count as spaces.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="text"/> is empty or only whitespace and control characters.</exception>
    public static string ForBroadcast(string text)
    {
        string clean = Clean(text ?? throw new ArgumentNullException(nameof(text)));
        if (clean.Length == 0)
            throw new ArgumentException("The text has nothing to show.", nameof(text));
        var lines = new List<string>(MaxLines);
        var line = new StringBuilder(MaxLineLength);
        foreach (string word in clean.Split(' '))
        {
            string rest = word;
            while (rest.Length > 0)
            {
                int room = line.Length == 0 ? MaxLineLength : MaxLineLength - line.Length - 1;
                if (rest.Length <= room)
                {
                    if (line.Length > 0)
                        line.Append(' ');
                    line.Append(rest);
                    rest = string.Empty;
                }
                else if (line.Length > 0)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }
                else
                {
                    string head = Prefix(rest, MaxLineLength);
                    lines.Add(head);
                    rest = rest[head.Length..];
                }
            }
        }
        if (line.Length > 0)
            lines.Add(line.ToString());
        if (lines.Count > MaxLines)
        {
            lines[MaxLines - 1] = Shorten(lines[MaxLines - 1] + " " + lines[MaxLines], MaxLineLength);
            lines.RemoveRange(MaxLines, lines.Count - MaxLines);
        }
        return string.Join('\n', lines);
    }

    private static string? Prefixed(string label, string? value) => value is null ? null : label + " " + value;

    private static string Join(string heading, string place) => place.Length == 0 ? heading : heading + ": " + place;

    /// <summary>
    /// Whitespace and control characters (line breaks included) become single spaces and ends are trimmed; a lone
    /// surrogate, which no terminal can draw, becomes U+FFFD.
    /// </summary>
    private static string Clean(string text)
    {
        var clean = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                if (clean.Length > 0 && clean[^1] != ' ')
                    clean.Append(' ');
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else
            {
                clean.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return clean.ToString().TrimEnd();
    }

    /// <summary><paramref name="text"/> if it fits <paramref name="maxLength"/>, else its longest whole-character prefix that fits with "..." appended.</summary>
    private static string Shorten(string text, int maxLength) =>
        text.Length <= maxLength ? text : Prefix(text, maxLength - Ellipsis.Length).TrimEnd() + Ellipsis;

    /// <summary>The longest prefix of whole text elements no longer than <paramref name="maxLength"/>.</summary>
    private static string Prefix(string text, int maxLength)
    {
        int end = 0;
        while (end < text.Length)
        {
            int next = end + StringInfo.GetNextTextElementLength(text, end);
            if (next > maxLength)
                break;
            end = next;
        }
        // A single text element longer than a line (a pathological run of combining marks) is cut at a code point.
        if (end == 0)
            end = char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
        return text[..end];
    }
}
