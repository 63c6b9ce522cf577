using SupplyGrid.Silo.OperatorDashboard;

namespace SupplyGrid.Dashboard.Tests.OperatorDashboard;

public sealed class OperatorDashboardOptionsTests
{
    [Theory]
    [InlineData("00:00:00.100", "00:15:00", "OperatorDashboard:SampleInterval")]
    [InlineData("00:00:30", "00:15:00", "OperatorDashboard:SampleInterval")]
    [InlineData("00:00:01", "03:00:00", "OperatorDashboard:HistoryLength")]
    [InlineData("00:00:05", "00:00:02", "OperatorDashboard:HistoryLength")]
    public void Refuses_settings_naming_the_setting(string interval, string length, string setting)
    {
        var options = new OperatorDashboardOptions { SampleInterval = TimeSpan.Parse(interval), HistoryLength = TimeSpan.Parse(length) };
        var result = new OperatorDashboardOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.StartsWith(setting, result.FailureMessage);
    }

    [Fact]
    public void Keeps_the_history_length_over_the_interval_samples()
    {
        var options = new OperatorDashboardOptions { SampleInterval = TimeSpan.FromSeconds(2), HistoryLength = TimeSpan.FromMinutes(15) };

        Assert.True(new OperatorDashboardOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(450, options.Capacity);
    }
}
