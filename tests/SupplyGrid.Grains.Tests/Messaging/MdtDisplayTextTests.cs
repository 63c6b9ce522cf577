using SupplyGrid.Grains.Messaging;
using SupplyGrid.Grains.Tests.Events;

namespace SupplyGrid.Grains.Tests.Messaging;

public class MdtDisplayTextTests
{
    // Singapore time, fixed at UTC+8 (no daylight saving), built here so the tests need no time-zone database.
    private static readonly TimeZoneInfo Singapore = TimeZoneInfo.CreateCustomTimeZone("SGT", TimeSpan.FromHours(8), "SGT", "SGT");

    private static readonly DateTimeOffset TenFortyTwoLocal = new(2026, 11, 22, 2, 42, 0, TimeSpan.Zero);

    private static readonly OfferDisplay Reposition =
        new(MdtMessageType.RepositionOffer, "Marina Bay", 15m, "SGD", TravelMinutes: 6, Deadline: TenFortyTwoLocal);

    [Fact]
    public void A_reposition_offer_shows_place_amount_travel_and_reply_time()
    {
        Assert.Equal("REPOSITION: Marina Bay\n+SGD 15.00, 6 min\nreply by 10:42", MdtDisplayText.ForOffer(Reposition, Singapore));
    }

    [Theory]
    [InlineData(MdtMessageType.IncentiveOffer, "INCENTIVE: Marina Bay\n+SGD 15.00, 6 min\nreply by 10:42")]
    [InlineData(MdtMessageType.OfferConfirmed, "CONFIRMED: Marina Bay\n+SGD 15.00, 6 min\narrive by 10:42")]
    [InlineData(MdtMessageType.OfferExpired, "EXPIRED: Marina Bay\noffer closed 10:42")]
    [InlineData(MdtMessageType.IncentivePaid, "PAID: Marina Bay\n+SGD 15.00")]
    public void Each_offer_type_has_its_layout(MdtMessageType type, string expected)
    {
        Assert.Equal(expected, MdtDisplayText.ForOffer(Reposition with { Type = type }, Singapore));
    }

    [Fact]
    public void Figures_share_a_line_when_they_fit()
    {
        var offer = Reposition with { Amount = 8m, TravelMinutes = null };

        Assert.Equal("REPOSITION: Marina Bay\n+SGD 8.00, reply by 10:42", MdtDisplayText.ForOffer(offer, Singapore));
    }

    [Fact]
    public void Absent_figures_are_left_out()
    {
        var offer = Reposition with { TravelMinutes = null, Deadline = null };

        Assert.Equal("REPOSITION: Marina Bay\n+SGD 15.00", MdtDisplayText.ForOffer(offer, Singapore));
        Assert.Equal("EXPIRED: Marina Bay\noffer closed", MdtDisplayText.ForOffer(offer with { Type = MdtMessageType.OfferExpired }, Singapore));
    }

    [Fact]
    public void The_deadline_is_shown_in_the_given_zone()
    {
        var evening = Reposition with { Deadline = new DateTimeOffset(2026, 11, 22, 15, 59, 0, TimeSpan.Zero) };

        Assert.EndsWith("\nreply by 23:59", MdtDisplayText.ForOffer(evening, Singapore));
        Assert.EndsWith("\nreply by 15:59", MdtDisplayText.ForOffer(evening, TimeZoneInfo.Utc));
    }

    [Fact]
    public void A_long_place_name_is_shortened_at_a_word_end_with_an_ellipsis()
    {
        var offer = Reposition with { Place = "Marina Bay Sands Expo and Convention Centre" };

        string first = MdtDisplayText.ForOffer(offer, Singapore).Split('\n')[0];

        Assert.Equal("REPOSITION: Marina Bay Sands...", first);
    }

    [Fact]
    public void A_place_name_cannot_add_lines()
    {
        var offer = Reposition with { Place = "Marina\nBay\r\n\tSouth" };

        Assert.Equal("REPOSITION: Marina Bay South\n+SGD 15.00, 6 min\nreply by 10:42", MdtDisplayText.ForOffer(offer, Singapore));
    }

    [Fact]
    public void An_empty_place_leaves_the_heading_alone()
    {
        Assert.StartsWith("REPOSITION\n", MdtDisplayText.ForOffer(Reposition with { Place = " \n " }, Singapore));
    }

    [Fact]
    public void A_big_amount_keeps_every_digit_and_pushes_the_travel_time_down()
    {
        var offer = Reposition with { Amount = 12_345_678_901_234.5m };

        Assert.Equal("REPOSITION: Marina Bay\n+SGD 12,345,678,901,234.50\n6 min, reply by 10:42", MdtDisplayText.ForOffer(offer, Singapore));
    }

    [Fact]
    public void The_largest_amount_that_fits_a_line_is_shown_whole()
    {
        var offer = Reposition with { Amount = 999_999_999_999_999_999.99m, TravelMinutes = null, Deadline = null };

        Assert.Equal("REPOSITION: Marina Bay\n+SGD 999,999,999,999,999,999.99", MdtDisplayText.ForOffer(offer, Singapore));
    }

    [Theory]
    [InlineData("1000000000000000000")]
    [InlineData("12345678901234567890.12")]
    public void An_amount_too_big_for_a_line_is_refused_rather_than_cut(string amount)
    {
        var offer = Reposition with { Amount = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture) };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => MdtDisplayText.ForOffer(offer, Singapore));

        Assert.Equal("offer.Amount", error.ParamName);
    }

    [Fact]
    public void Surrogate_pairs_are_never_split()
    {
        var offer = Reposition with { Place = string.Concat(Enumerable.Repeat("😀", 20)) };

        string first = MdtDisplayText.ForOffer(offer, Singapore).Split('\n')[0];

        // "REPOSITION: " (12) leaves 17 units before "...": 8 faces (16 units), the 9th would need 18.
        Assert.Equal("REPOSITION: " + string.Concat(Enumerable.Repeat("😀", 8)) + "...", first);
    }

    [Fact]
    public void A_lone_surrogate_becomes_a_replacement_character()
    {
        var offer = Reposition with { Place = "Bay\uD83D South\uDE00" };

        Assert.StartsWith("REPOSITION: Bay\uFFFD South\uFFFD\n", MdtDisplayText.ForOffer(offer, Singapore));
    }

    [Fact]
    public void A_combining_mark_stays_with_its_letter()
    {
        // 16 letters then "e" + combining acute accent: the pair would end at unit 18 of 17, so it goes whole.
        var offer = Reposition with { Place = new string('a', 16) + "e\u0301 Street" };

        string first = MdtDisplayText.ForOffer(offer, Singapore).Split('\n')[0];

        Assert.Equal("REPOSITION: " + new string('a', 16) + "...", first);
    }

    [Theory]
    [InlineData(MdtMessageType.RepositionOffer)]
    [InlineData(MdtMessageType.IncentiveOffer)]
    [InlineData(MdtMessageType.OfferConfirmed)]
    [InlineData(MdtMessageType.OfferExpired)]
    [InlineData(MdtMessageType.IncentivePaid)]
    public void Any_name_and_amount_that_can_be_shown_fit_four_lines_of_32(MdtMessageType type)
    {
        var random = new Random(20261122);
        string[] alphabet = ["a", "b", "c", " ", "X", "-", "'", "\n", "\t", "\u00e9", "e\u0301", "😀", "漢", "字", "\uD83D"];
        for (int i = 0; i < 2000; i++)
        {
            string place = string.Concat(Enumerable.Range(0, random.Next(0, 80)).Select(_ => alphabet[random.Next(alphabet.Length)]));
            // Below 10^18: "+SGD 999,999,999,999,999,999.99" is the longest amount a line can hold.
            decimal amount = Math.Round((decimal)random.NextDouble() * (decimal)Math.Pow(10, random.Next(0, 19)), 2);
            var offer = new OfferDisplay(type, place, amount, "SGD", random.Next(0, 3) == 0 ? null : random.Next(0, 100_000),
                random.Next(0, 3) == 0 ? null : TenFortyTwoLocal.AddMinutes(random.Next(0, 10_000)));

            AssertFitsTerminal(MdtDisplayText.ForOffer(offer, Singapore));
        }
    }

    [Fact]
    public void A_broadcast_is_word_wrapped()
    {
        string text = MdtDisplayText.ForBroadcast("Heavy rain expected in the east from 17:00. Drive safely and watch for flooding.");

        Assert.Equal("Heavy rain expected in the east\nfrom 17:00. Drive safely and\nwatch for flooding.", text);
    }

    [Fact]
    public void A_broadcast_that_overflows_ends_with_an_ellipsis_on_the_fourth_line()
    {
        string text = MdtDisplayText.ForBroadcast(string.Join(' ', Enumerable.Repeat("abcdefghij", 13)));

        Assert.Equal(
            "abcdefghij abcdefghij abcdefghij\nabcdefghij abcdefghij abcdefghij\nabcdefghij abcdefghij abcdefghij\nabcdefghij abcdefghij abcdefg...",
            text);
    }

    [Fact]
    public void A_word_longer_than_a_line_is_split()
    {
        Assert.Equal(new string('x', 32) + "\n" + new string('x', 8) + " end", MdtDisplayText.ForBroadcast(new string('x', 40) + " end"));
    }

    [Fact]
    public void A_broadcast_of_any_text_fits_the_terminal()
    {
        var random = new Random(7);
        string[] alphabet = ["ab", "c", " ", "\n", "EF", "\u00a0", "g", "😀", "a\u0301", ".", ",", "\uDE00"];
        for (int i = 0; i < 2000; i++)
        {
            string text = "x" + string.Concat(Enumerable.Range(0, random.Next(0, 200)).Select(_ => alphabet[random.Next(alphabet.Length)]));

            AssertFitsTerminal(MdtDisplayText.ForBroadcast(text));
        }
    }

    [Fact]
    public void The_formatted_text_passes_the_message_contract()
    {
        var message = Samples.MdtMessage with { Text = MdtDisplayText.ForOffer(Reposition with { Place = new string('M', 80) }, Singapore) };

        Assert.Null(message.Validate(Samples.Now, Samples.Options));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t\u0000")]
    public void A_broadcast_needs_something_to_show(string text)
    {
        Assert.Throws<ArgumentException>(() => MdtDisplayText.ForBroadcast(text));
    }

    [Fact]
    public void Offers_with_bad_fields_are_refused_naming_the_field()
    {
        Assert.Equal("offer.Type", Assert.Throws<ArgumentException>(() =>
            MdtDisplayText.ForOffer(Reposition with { Type = MdtMessageType.Broadcast }, Singapore)).ParamName);
        Assert.Equal("offer.Amount", Assert.Throws<ArgumentOutOfRangeException>(() =>
            MdtDisplayText.ForOffer(Reposition with { Amount = -0.01m }, Singapore)).ParamName);
        Assert.Equal("offer.Currency", Assert.Throws<ArgumentException>(() =>
            MdtDisplayText.ForOffer(Reposition with { Currency = "S$" }, Singapore)).ParamName);
        Assert.Equal("offer.TravelMinutes", Assert.Throws<ArgumentOutOfRangeException>(() =>
            MdtDisplayText.ForOffer(Reposition with { TravelMinutes = -1 }, Singapore)).ParamName);
        Assert.Equal("offer.Place", Assert.Throws<ArgumentNullException>(() =>
            MdtDisplayText.ForOffer(Reposition with { Place = null! }, Singapore)).ParamName);
        Assert.Equal("zone", Assert.Throws<ArgumentNullException>(() => MdtDisplayText.ForOffer(Reposition, null!)).ParamName);
    }

    private static void AssertFitsTerminal(string text)
    {
        string[] lines = text.Split('\n');
        Assert.InRange(lines.Length, 1, MdtTextRules.MaxLines);
        foreach (string line in lines)
        {
            Assert.InRange(line.Length, 1, MdtTextRules.MaxLineLength);
            Assert.DoesNotContain(line, char.IsControl);
            Assert.Equal(line.Trim(), line);
            for (int i = 0; i < line.Length; i++)
            {
                if (char.IsHighSurrogate(line[i]))
                    Assert.True(i + 1 < line.Length && char.IsLowSurrogate(line[++i]), $"split surrogate pair in '{line}'");
                else
                    Assert.False(char.IsLowSurrogate(line[i]), $"lone low surrogate in '{line}'");
            }
        }
    }
}
