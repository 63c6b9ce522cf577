namespace SupplyGrid.Grains.Policies;

/// <summary>
/// Decides a cell's next surge multiplier: the base curve times the business multipliers (event, weather,
/// rush hour), one final cap, then at most a 50% move from the current value, no change within the cooldown
/// of the previous one, and published values rounded toward the current value on a 0.05 grid.
/// </summary>
/// <remarks>
/// Pure: the same state, inputs and time always give the same decision, and the caller keeps the returned
/// state. Decreases obey the same rules as increases and are published too. If the cap is lowered below the
/// current value (a configuration change), the cap wins over the step limit.
/// </remarks>
public sealed class SurgePolicy
{
    private const double Tolerance = 1e-9;

    private readonly double _cap;
    private readonly double _maxStep;
    private readonly double _granularity;
    private readonly TimeSpan _cooldown;
    private readonly RushHourCalendar _rushHours;
    private readonly TimeZoneInfo _cityTimeZone;

    /// <param name="options">The city's surge settings.</param>
    /// <param name="cityTimeZone">The city's time zone, for the local-time rush hours.</param>
    public SurgePolicy(SurgeOptions options, TimeZoneInfo cityTimeZone)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(cityTimeZone);
        options.Validate();
        _cap = options.Cap;
        _maxStep = options.MaxStepFraction;
        _granularity = options.Granularity;
        _cooldown = options.Cooldown;
        _rushHours = new RushHourCalendar(options.RushHours);
        _cityTimeZone = cityTimeZone;
    }

    /// <summary>The final cap.</summary>
    public double Cap => _cap;

    /// <summary>The decision for an update at <paramref name="now"/>; keep <see cref="SurgeDecision.State"/> for the next one.</summary>
    public SurgeDecision Next(SurgeState state, SurgeInputs inputs, DateTimeOffset now)
    {
        Guard.InRange(state.Multiplier, 1, double.MaxValue);
        Guard.Positive(inputs.EventMultiplier);
        Guard.Positive(inputs.WeatherMultiplier);

        var baseMultiplier = SurgeCurve.BaseMultiplier(inputs.Demand, inputs.Supply, _cap);
        var rushHour = _rushHours.MultiplierAt(TimeZoneInfo.ConvertTime(now, _cityTimeZone).DateTime);
        var business = inputs.EventMultiplier * inputs.WeatherMultiplier * rushHour;
        var target = Math.Clamp(baseMultiplier * business, 1, _cap);

        var current = state.Multiplier;
        var highest = Math.Min(_cap, current * (1 + _maxStep));
        var lowest = Math.Min(Math.Max(1, current * (1 - _maxStep)), highest);
        var stepped = Math.Clamp(target, lowest, highest);
        var next = RoundTowardCurrent(stepped, current);

        var reason = Math.Abs(next - current) < Tolerance ? SurgeReason.Steady
            : state.LastChangedAt is { } last && now - last < _cooldown ? SurgeReason.CoolingDown
            : next > current ? SurgeReason.Raised
            : SurgeReason.Lowered;
        var changed = reason is SurgeReason.Raised or SurgeReason.Lowered;
        return new SurgeDecision(
            changed ? new SurgeState(next, now) : state,
            current,
            reason,
            baseMultiplier,
            rushHour,
            business,
            target,
            StepLimited: changed && Math.Abs(stepped - target) > Tolerance);
    }

    /// <summary>
    /// Snaps <paramref name="value"/> to the grid on the side of <paramref name="current"/>, so rounding never
    /// adds to a move. The bounds 1 and the cap are kept exact so the multiplier can always reach them.
    /// </summary>
    private double RoundTowardCurrent(double value, double current)
    {
        if (value <= 1 || value >= _cap)
        {
            return value;
        }

        var units = value / _granularity;
        var snapped = Math.Round(
            (value > current ? Math.Floor(units + Tolerance) : Math.Ceiling(units - Tolerance)) * _granularity, 9);
        return value > current ? Math.Clamp(snapped, current, value) : Math.Clamp(snapped, value, current);
    }
}
