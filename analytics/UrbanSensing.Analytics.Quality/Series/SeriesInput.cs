namespace UrbanSensing.Analytics.Quality.Series;

internal static class SeriesInput
{
    /// <summary>Values must be finite and times strictly increasing, so that "previous" and "duration" mean something.</summary>
    public static void Validate(IReadOnlyList<SeriesReading> readings, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(readings, parameterName);
        for (var i = 0; i < readings.Count; i++)
        {
            if (!double.IsFinite(readings[i].Value))
            {
                throw new ArgumentException(
                    $"Reading {i} has value {readings[i].Value}; values must be finite numbers.", parameterName);
            }

            if (i > 0 && readings[i].Timestamp <= readings[i - 1].Timestamp)
            {
                throw new ArgumentException(
                    $"Reading {i} at {readings[i].Timestamp:O} does not follow reading {i - 1} at {readings[i - 1].Timestamp:O}; timestamps must be strictly increasing.",
                    parameterName);
            }
        }
    }

    public static void RequireNonNegative(double value, string parameterName)
    {
        if (!(value >= 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(parameterName, value, "Must be a finite number of 0 or more.");
        }
    }

    public static void RequirePositive(TimeSpan value, string parameterName)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(parameterName, value, "Must be a duration above zero.");
        }
    }
}
