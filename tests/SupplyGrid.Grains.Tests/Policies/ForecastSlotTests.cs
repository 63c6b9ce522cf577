using SupplyGrid.Grains.Policies;

namespace SupplyGrid.Grains.Tests.Policies;

public class ForecastSlotTests
{
    [Theory]
    [InlineData(0, 20, DayOfWeek.Monday, 33)] // 00:20 UTC = 08:20 local: slot 08:15-08:30 = 8 x 4 + 1
    [InlineData(-8 * 60, 0, DayOfWeek.Monday, 0)] // 16:00 UTC Sunday = local Monday 00:00
    [InlineData(-8 * 60 - 1, 0, DayOfWeek.Sunday, 95)] // one minute earlier: local Sunday 23:59
    [InlineData(15 * 60 + 59, 0, DayOfWeek.Monday, 95)] // 15:59 UTC = 23:59 local
    public void Slot_of_an_instant_in_the_citys_time_zone(int minutesAfterMondayMidnightUtc, int extraMinutes, DayOfWeek day, int slotOfDay)
    {
        var instant = TestClock.MondayMidnightUtc.AddMinutes(minutesAfterMondayMidnightUtc + extraMinutes);

        var slot = ForecastSlot.FromInstant(instant, TestClock.Singapore);

        Assert.Equal(new ForecastSlot(day, slotOfDay), slot);
        Assert.Equal((int)day * 96 + slotOfDay, slot.Index);
    }

    [Fact]
    public void Next_slot_rolls_over_the_day_and_the_week()
    {
        Assert.Equal(new ForecastSlot(DayOfWeek.Monday, 34), new ForecastSlot(DayOfWeek.Monday, 33).Next());
        Assert.Equal(new ForecastSlot(DayOfWeek.Tuesday, 0), new ForecastSlot(DayOfWeek.Monday, 95).Next());
        Assert.Equal(new ForecastSlot(DayOfWeek.Sunday, 0), new ForecastSlot(DayOfWeek.Saturday, 95).Next());
        Assert.Equal(TimeSpan.FromHours(23.75), new ForecastSlot(DayOfWeek.Monday, 95).Start);
    }

    [Fact]
    public void Out_of_range_slots_are_refused()
    {
        Assert.Equal("slotOfDay", Assert.Throws<ArgumentOutOfRangeException>(() => new ForecastSlot(DayOfWeek.Monday, 96)).ParamName);
        Assert.Equal("day", Assert.Throws<ArgumentOutOfRangeException>(() => new ForecastSlot((DayOfWeek)7, 0)).ParamName);
    }
}
