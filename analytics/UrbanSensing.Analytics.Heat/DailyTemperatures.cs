namespace UrbanSensing.Analytics.Heat;

/// <summary>
/// Daily minimum, maximum and mean over the local calendar day (midnight to midnight) of hourly means. Météo-France's
/// climatological day differs: its Tn is the minimum from 18 UTC the day before to 18 UTC, its Tx the maximum from
/// 06 UTC to 06 UTC the next day; a calendar-day Tn can be lower when the night after is cooler.
/// </summary>
public static class DailyTemperatures
{
    /// <summary>The days with at most <see cref="CalendarOptions.MaximumMissingHoursPerDay"/> hours missing, in date order.</summary>
    public static IReadOnlyList<DailyTemperature> FromHourly(HourlySeries series, CalendarOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        options ??= new CalendarOptions();
        options.Validate();
        var days = new List<DailyTemperature>();
        foreach (var day in series.Hours.GroupBy(hour => options.DayOf(hour.Time)))
        {
            var expected = options.HoursIn(day.Key);
            var values = day.Select(hour => hour.Celsius).ToArray();
            if (values.Length >= expected - options.MaximumMissingHoursPerDay)
            {
                days.Add(new DailyTemperature(day.Key, values.Min(), values.Max(), values.Average(), values.Length, expected));
            }
        }

        return days;
    }
}
