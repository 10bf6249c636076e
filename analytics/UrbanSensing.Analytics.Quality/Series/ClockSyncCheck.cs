using UrbanSensing.Protocol;
namespace UrbanSensing.Analytics.Quality.Series;

/// <summary>Passes on what the device says of its clock: a reading taken without a synchronised clock is flagged.</summary>
public static class ClockSyncCheck
{
    /// <exception cref="ArgumentException">A value is not finite, or timestamps are not strictly increasing.</exception>
    public static IReadOnlyList<QcResult> Check(IReadOnlyList<SeriesReading> readings)
    {
        SeriesInput.Validate(readings, nameof(readings));
        var results = new QcResult[readings.Count];
        for (var i = 0; i < readings.Count; i++)
        {
            results[i] = new QcResult(readings[i].ClockSynchronised ? QualityFlags.None : QualityFlags.ClockNotSynchronised);
        }

        return results;
    }
}
