namespace UrbanSensing.Analytics.Reports;

/// <summary>The time zones whose calendar days and clock the analyses can follow.</summary>
public static class AnalysisTimeZones
{
    // Sensor networks started long after every zone settled on its standard offset; before that, Paris kept its mean solar
    // time (UTC+0:09:21 until 1911), which must not refuse Europe/Paris.
    private static readonly DateTime SensorEra = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>
    /// Whether every offset of the zone since 1970 is a whole number of hours: the heat library bins readings by UTC
    /// hour and takes those for local hours, which they are in zones such as Europe/Paris or UTC.
    /// </summary>
    public static bool HasWholeHourOffsets(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return zone.BaseUtcOffset.Ticks % TimeSpan.TicksPerHour == 0
            && zone.GetAdjustmentRules()
                .Where(rule => rule.DateEnd >= SensorEra)
                .All(rule => rule.DaylightDelta.Ticks % TimeSpan.TicksPerHour == 0 && rule.BaseUtcOffsetDelta.Ticks % TimeSpan.TicksPerHour == 0);
    }
}
