namespace UrbanSensing.Analytics.Heat;

/// <summary>Daily and nocturnal summaries of an hourly heat island series, on the local calendar.</summary>
public sealed class HeatIslandDays
{
    private readonly CalendarOptions _calendar;
    private readonly NightWindow _night;

    /// <param name="calendar">Time zone and missing-hour tolerance; Europe/Paris and 3 hours by default.</param>
    /// <param name="night">The local clock window counted as night; 21:00 to 06:00 by default.</param>
    public HeatIslandDays(CalendarOptions? calendar = null, NightWindow? night = null)
    {
        _calendar = calendar ?? new CalendarOptions();
        _calendar.Validate();
        _night = night ?? NightWindow.Default;
        _night.Validate(nameof(night));
    }

    /// <summary>Daily mean intensity, ΔTmin and ΔTmax, for each day missing at most the allowed number of hours.</summary>
    public IReadOnlyList<DailyHeatIsland> Daily(IReadOnlyList<HourlyHeatIsland> hourly)
    {
        ArgumentNullException.ThrowIfNull(hourly);
        return [.. hourly
            .GroupBy(hour => _calendar.DayOf(hour.Hour))
            .Where(day => day.Count() >= _calendar.HoursIn(day.Key) - _calendar.MaximumMissingHoursPerDay)
            .OrderBy(day => day.Key)
            .Select(day => new DailyHeatIsland(
                day.Key,
                day.Average(hour => hour.Intensity),
                day.Min(hour => hour.Urban) - day.Min(hour => hour.Reference),
                day.Max(hour => hour.Urban) - day.Max(hour => hour.Reference),
                day.Count()))];
    }

    /// <summary>The largest hourly intensity of each night that has at least one hour in the series.</summary>
    public IReadOnlyList<NocturnalHeatIsland> Nocturnal(IReadOnlyList<HourlyHeatIsland> hourly)
    {
        ArgumentNullException.ThrowIfNull(hourly);
        return [.. hourly
            .Where(hour => _night.Contains(_calendar.TimeOfDay(hour.Hour)))
            .GroupBy(NightOf)
            .OrderBy(night => night.Key)
            .Select(night =>
            {
                var strongest = night.MaxBy(hour => hour.Intensity)!;
                return new NocturnalHeatIsland(night.Key, strongest.Intensity, strongest.Hour, night.Count());
            })];
    }

    private DateOnly NightOf(HourlyHeatIsland hour)
    {
        var day = _calendar.DayOf(hour.Hour);
        return _night.CrossesMidnight && _calendar.TimeOfDay(hour.Hour) < _night.End ? day.AddDays(-1) : day;
    }
}
