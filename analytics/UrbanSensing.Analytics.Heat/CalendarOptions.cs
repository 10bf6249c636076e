using System.ComponentModel.DataAnnotations;

namespace UrbanSensing.Analytics.Heat;

/// <summary>How hours are grouped into calendar days: the local days of a time zone, so a day has 23 or 25 hours when the clocks change.</summary>
public sealed class CalendarOptions
{
    public const string SectionName = "Heat:Calendar";

    /// <summary>The time zone whose calendar days are counted; Europe/Paris by default.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>
    /// How many hourly means a day may lack and still count, so that a short gap does not hide a day but a day with
    /// half its hours missing cannot report a minimum it never saw: 3 by default, our choice (no source).
    /// </summary>
    [Range(0, 23)]
    public int MaximumMissingHoursPerDay { get; init; } = 3;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(TimeZone, nameof(TimeZone));
        if (MaximumMissingHoursPerDay is < 0 or > 23)
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumMissingHoursPerDay), MaximumMissingHoursPerDay, "MaximumMissingHoursPerDay must be from 0 to 23.");
        }
    }

    /// <summary>The local calendar day the hour starting at <paramref name="hourStart"/> belongs to.</summary>
    internal DateOnly DayOf(DateTimeOffset hourStart) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(hourStart, TimeZone).DateTime);

    /// <summary>How many hours the local day lasts: 24, or 23 and 25 on the days the clocks change.</summary>
    internal int HoursIn(DateOnly day)
    {
        var start = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), TimeZone);
        var end = TimeZoneInfo.ConvertTimeToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeZone);
        return (int)Math.Round((end - start).TotalHours);
    }
}
