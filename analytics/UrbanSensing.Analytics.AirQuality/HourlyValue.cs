namespace UrbanSensing.Analytics.AirQuality;

/// <summary>
/// A value (µg/m³) standing for one clock hour, stamped with the start of that hour. The day an hour belongs to is the
/// calendar date of <see cref="Hour"/> in its own offset: convert first to the clock the day is defined on (local time
/// for ATMO, CET for the EU ozone statistics).
/// </summary>
public readonly record struct HourlyValue(DateTimeOffset Hour, double Value);
