using System.Globalization;
using System.Text;
using Confluent.Kafka;

namespace SupplyGrid.Kafka;

/// <summary>The header names of a record on the dead-letter topic (values are UTF-8 text); key and value are the original ones.</summary>
public static class DeadLetterHeaders
{
    public const string SourceTopic = "source-topic";
    public const string SourcePartition = "source-partition";
    public const string SourceOffset = "source-offset";
    public const string ConsumerGroup = "consumer-group";

    /// <summary>The <see cref="DeadLetterReason"/> as its wire name (e.g. <c>malformed_json</c>).</summary>
    public const string ErrorClass = "error-class";

    public const string ErrorMessage = "error-message";

    /// <summary>The .NET exception type behind the failure; absent when the record was refused without one.</summary>
    public const string ErrorException = "error-exception";

    /// <summary>When the failure was seen, ISO-8601 UTC.</summary>
    public const string FailedAt = "failed-at";

    /// <summary>Error messages are cut to this many characters so one bad record cannot produce a huge header.</summary>
    public const int MaxErrorMessageLength = 1000;

    internal static Headers For(DeadLetter letter)
    {
        var headers = new Headers
        {
            { SourceTopic, Utf8(letter.SourceTopic) },
            { SourcePartition, Utf8(letter.SourcePartition.ToString(CultureInfo.InvariantCulture)) },
            { SourceOffset, Utf8(letter.SourceOffset.ToString(CultureInfo.InvariantCulture)) },
            { ConsumerGroup, Utf8(letter.ConsumerGroup) },
            { ErrorClass, Utf8(letter.Reason.WireName()) },
            { ErrorMessage, Utf8(Truncate(letter.ErrorMessage)) },
            { FailedAt, Utf8(letter.FailedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)) },
        };
        if (letter.ExceptionType is not null)
            headers.Add(ErrorException, Utf8(letter.ExceptionType));
        return headers;
    }

    private static string Truncate(string message) =>
        message.Length <= MaxErrorMessageLength ? message : message[..MaxErrorMessageLength];

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
