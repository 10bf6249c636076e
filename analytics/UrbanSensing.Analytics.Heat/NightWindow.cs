namespace UrbanSensing.Analytics.Heat;

/// <summary>
/// The night as a fixed window of local clock time, not from sunset to sunrise (that needs solar astronomy): an hour
/// is nocturnal when its local start time is at or after <see cref="Start"/> and before <see cref="End"/>, across
/// midnight when <see cref="Start"/> is later than <see cref="End"/>. The default, 21:00 to 06:00, covers the hours
/// of darkness at Lille's latitude in summer (sunset about 21:30–22:00 local time in June and July, sunrise about 05:30–06:00).
/// </summary>
public readonly record struct NightWindow(TimeOnly Start, TimeOnly End)
{
    public static NightWindow Default { get; } = new(new TimeOnly(21, 0), new TimeOnly(6, 0));

    internal bool CrossesMidnight => Start > End;

    internal void Validate(string parameterName)
    {
        if (Start == End)
        {
            throw new ArgumentException($"The night window starts and ends at {Start:HH:mm}; Start and End must differ (for example 21:00 and 06:00).", parameterName);
        }
    }

    internal bool Contains(TimeOnly localTime) =>
        CrossesMidnight ? localTime >= Start || localTime < End : localTime >= Start && localTime < End;
}
