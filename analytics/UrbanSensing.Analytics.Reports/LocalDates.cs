namespace UrbanSensing.Analytics.Reports;

/// <summary>
/// The local date of UTC hours in a time zone, each hour converted once: the sites of a report share their hours, and a
/// year of 500 sites is 4.4 million of them.
/// </summary>
public sealed class LocalDates(TimeZoneInfo timeZone)
{
    private readonly Dictionary<DateTimeOffset, DateOnly> _dates = [];

    public DateOnly Of(DateTimeOffset hour)
    {
        if (!_dates.TryGetValue(hour, out var date))
        {
            date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(hour, timeZone).DateTime);
            _dates.Add(hour, date);
        }

        return date;
    }
}
