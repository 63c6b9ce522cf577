using SupplyGrid.Geo.Tests.Oracle;

namespace SupplyGrid.Geo.Tests;

public sealed class H3IndexTests(OracleFixture oracle) : IClassFixture<OracleFixture>
{
    [Fact]
    public void ToString_prints_cells_as_h3_js_and_Parse_reads_them_back()
    {
        foreach (var text in oracle.Vectors.Strings)
        {
            var cell = H3Index.Parse(text);
            Assert.True(H3.IsValidCell(cell), text);
            Assert.Equal(text, cell.ToString());
            Assert.True(H3Index.TryParse(text, out var parsed));
            Assert.Equal(cell, parsed);
        }
    }

    [Theory]
    [InlineData("0", 0UL)]
    [InlineData("8928308280fffff", 0x8928308280fffffUL)]
    [InlineData("8928308280FFFFF", 0x8928308280fffffUL)]
    [InlineData("ffffffffffffffff", ulong.MaxValue)]
    [InlineData("000000000000001", 1UL)]
    public void Parse_accepts_any_hex_number_of_up_to_16_digits(string text, ulong expected)
    {
        Assert.Equal(expected, H3Index.Parse(text).Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("10000000000000000")]
    [InlineData("0x8928308280fffff")]
    [InlineData(" 8928308280fffff")]
    [InlineData("8928308280fffffg")]
    [InlineData("-1")]
    public void Parse_rejects_other_text_naming_it(string text)
    {
        var error = Assert.Throws<FormatException>(() => H3Index.Parse(text));
        Assert.Contains($"'{text}'", error.Message);
        Assert.False(H3Index.TryParse(text, out _));
    }

    [Fact]
    public void Parse_rejects_null()
    {
        Assert.Throws<ArgumentNullException>(() => H3Index.Parse(null!));
        Assert.False(H3Index.TryParse(null, out _));
    }

    [Fact]
    public void Equality_and_ordering_follow_the_value()
    {
        var a = new H3Index(0x8928308280fffffUL);
        var b = new H3Index(0x8928308283fffffUL);
        Assert.Equal(a, new H3Index(a.Value));
        Assert.True(a == new H3Index(a.Value));
        Assert.True(a != b);
        Assert.True(a < b && b > a && a <= b && b >= a);
        Assert.True(a.CompareTo(b) < 0);
        Assert.Equal(a.GetHashCode(), new H3Index(a.Value).GetHashCode());
    }
}
