using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace SupplyGrid.Kafka;

internal static class KafkaLogLevels
{
    /// <summary>librdkafka's syslog levels mapped to Microsoft.Extensions.Logging levels.</summary>
    public static LogLevel ToLogLevel(SyslogLevel level) => level switch
    {
        SyslogLevel.Emergency or SyslogLevel.Alert or SyslogLevel.Critical => LogLevel.Critical,
        SyslogLevel.Error => LogLevel.Error,
        SyslogLevel.Warning => LogLevel.Warning,
        SyslogLevel.Notice or SyslogLevel.Info => LogLevel.Information,
        _ => LogLevel.Debug,
    };
}
