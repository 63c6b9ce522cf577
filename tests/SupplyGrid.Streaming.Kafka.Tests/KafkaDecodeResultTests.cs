namespace SupplyGrid.Streaming.Kafka.Tests;

public sealed class KafkaDecodeResultTests
{
    [Fact]
    public void A_failure_without_a_category_of_its_own_is_rejected()
    {
        var result = KafkaDecodeResult.Failure("not an order");

        Assert.False(result.IsSuccess);
        Assert.Equal("not an order", result.FailureReason);
        Assert.Equal(KafkaDeadLetterReasons.Rejected, result.FailureCategory);
    }

    [Fact]
    public void A_decoder_may_name_the_category_of_its_failure()
    {
        var result = KafkaDecodeResult.Failure("malformed_json: line 1", "malformed_json");

        Assert.Equal("malformed_json", result.FailureCategory);
        Assert.Null(KafkaDecodeResult.Success("x").FailureCategory);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Malformed")]
    [InlineData("malformed json")]
    [InlineData("malformed-json")]
    public void A_category_that_is_not_a_short_metric_tag_is_refused(string category)
    {
        var error = Assert.Throws<ArgumentException>(() => KafkaDecodeResult.Failure("bad", category));
        Assert.Equal("category", error.ParamName);
    }

    [Fact]
    public void A_category_longer_than_64_characters_is_refused() =>
        Assert.Throws<ArgumentException>(() => KafkaDecodeResult.Failure("bad", new string('a', 65)));
}
