namespace UrbanSensing.Analytics.AirQuality;

/// <summary>
/// The least data an aggregate needs to be valid, from Directive 2008/50/EC: 75 % of the values it is made of.
/// </summary>
public static class DataCapture
{
    /// <summary>A 24-hour value (daily mean, daily maximum, 24-hour running mean) needs 75 % of the hours, i.e. 18 (Annex XI, Section A).</summary>
    public const int HoursPerDailyValue = 18;

    /// <summary>An 8-hour value needs 75 % of the hours, i.e. six (Annex VII, Section A.2).</summary>
    public const int HoursPerEightHourMean = 6;

    /// <summary>The maximum daily 8-hour mean needs 75 % of the day's hourly running 8-hour means, i.e. 18 (Annex VII, Section A.2).</summary>
    public const int EightHourMeansPerDailyMaximum = 18;
}
