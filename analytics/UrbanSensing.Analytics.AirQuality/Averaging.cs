namespace UrbanSensing.Analytics.AirQuality;

/// <summary>
/// Turns hourly values into the statistics the indices and guidelines rate. Missing hours are simply absent; an
/// aggregate without enough values (<see cref="DataCapture"/>) is left out rather than computed from too little.
/// </summary>
public static class Averaging
{
    /// <summary>The mean of each calendar day with at least <paramref name="minimumHours"/> hourly values.</summary>
    /// <exception cref="ArgumentException">A value is negative, NaN or infinite, an hour is not a whole clock hour, or appears twice.</exception>
    public static IReadOnlyList<DailyValue> DailyMeans(IEnumerable<HourlyValue> hourlyValues, int minimumHours = DataCapture.HoursPerDailyValue)
    {
        EnsureMinimum(minimumHours, 24, nameof(minimumHours));
        return ByDay(Validated(hourlyValues, nameof(hourlyValues)), minimumHours, values => values.Average());
    }

    /// <summary>The highest hourly value of each calendar day with at least <paramref name="minimumHours"/> hourly values.</summary>
    /// <exception cref="ArgumentException">A value is negative, NaN or infinite, an hour is not a whole clock hour, or appears twice.</exception>
    public static IReadOnlyList<DailyValue> DailyMaxima(IEnumerable<HourlyValue> hourlyValues, int minimumHours = DataCapture.HoursPerDailyValue)
    {
        EnsureMinimum(minimumHours, 24, nameof(minimumHours));
        return ByDay(Validated(hourlyValues, nameof(hourlyValues)), minimumHours, values => values.Max());
    }

    /// <summary>
    /// The 24-hour running mean at each hour from the first value to the last: the mean of that hour and the 23 before,
    /// stamped with that hour, where at least <paramref name="minimumHours"/> of them have a value.
    /// </summary>
    /// <exception cref="ArgumentException">A value is negative, NaN or infinite, an hour is not a whole clock hour, or appears twice.</exception>
    public static IReadOnlyList<HourlyValue> RunningMeans24Hours(IEnumerable<HourlyValue> hourlyValues, int minimumHours = DataCapture.HoursPerDailyValue)
    {
        EnsureMinimum(minimumHours, 24, nameof(minimumHours));
        return RunningMeans(Validated(hourlyValues, nameof(hourlyValues)), 24, minimumHours);
    }

    /// <summary>
    /// The 8-hour running mean at each hour from the first value to the last: the mean of that hour and the 7 before,
    /// stamped with that hour, where at least <paramref name="minimumHours"/> of them have a value.
    /// </summary>
    /// <exception cref="ArgumentException">A value is negative, NaN or infinite, an hour is not a whole clock hour, or appears twice.</exception>
    public static IReadOnlyList<HourlyValue> RunningMeans8Hours(IEnumerable<HourlyValue> hourlyValues, int minimumHours = DataCapture.HoursPerEightHourMean)
    {
        EnsureMinimum(minimumHours, 8, nameof(minimumHours));
        return RunningMeans(Validated(hourlyValues, nameof(hourlyValues)), 8, minimumHours);
    }

    /// <summary>
    /// The maximum daily 8-hour mean of Directive 2008/50/EC, Annex VII: the highest 8-hour running mean of each day,
    /// each mean assigned to the day on which it ends (the first of a day runs 17:00–01:00, the last 16:00–24:00).
    /// </summary>
    /// <exception cref="ArgumentException">A value is negative, NaN or infinite, an hour is not a whole clock hour, or appears twice.</exception>
    public static IReadOnlyList<DailyValue> DailyMaxima8HourMeans(
        IEnumerable<HourlyValue> hourlyValues,
        int minimumHoursPerMean = DataCapture.HoursPerEightHourMean,
        int minimumMeansPerDay = DataCapture.EightHourMeansPerDailyMaximum)
    {
        EnsureMinimum(minimumHoursPerMean, 8, nameof(minimumHoursPerMean));
        EnsureMinimum(minimumMeansPerDay, 24, nameof(minimumMeansPerDay));
        // A mean stamped with the start of its last hour falls on the day the window ends: the window 17:00–01:00
        // has its last hour start at 00:00 of the next day.
        var means = RunningMeans(Validated(hourlyValues, nameof(hourlyValues)), 8, minimumHoursPerMean);
        return ByDay(means, minimumMeansPerDay, values => values.Max());
    }

    private static List<HourlyValue> Validated(IEnumerable<HourlyValue> hourlyValues, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(hourlyValues, parameterName);
        var values = hourlyValues.ToList();
        foreach (var value in values)
        {
            if (!double.IsFinite(value.Value) || value.Value < 0)
            {
                throw new ArgumentException($"The value at {value.Hour:O} is {value.Value}; allowed values: {Concentration.Allowed}.", parameterName);
            }

            if (value.Hour.UtcTicks % TimeSpan.TicksPerHour != 0)
            {
                throw new ArgumentException($"{value.Hour:O} is not the start of a clock hour; an hourly value is stamped with the start of its hour.", parameterName);
            }
        }

        values.Sort((left, right) => left.Hour.UtcTicks.CompareTo(right.Hour.UtcTicks));
        for (var index = 1; index < values.Count; index++)
        {
            if (values[index].Hour == values[index - 1].Hour)
            {
                throw new ArgumentException($"The hour {values[index].Hour:O} appears twice; an hourly series has one value per hour.", parameterName);
            }
        }

        return values;
    }

    private static List<HourlyValue> RunningMeans(List<HourlyValue> sorted, int windowHours, int minimumHours)
    {
        var means = new List<HourlyValue>();
        if (sorted.Count == 0)
        {
            return means;
        }

        var byHour = sorted.ToDictionary(value => HourNumber(value.Hour));
        var offset = sorted[0].Hour.Offset;
        for (var hour = HourNumber(sorted[0].Hour); hour <= HourNumber(sorted[^1].Hour); hour++)
        {
            // An hour without a value is stamped in the offset of the latest value before it.
            if (byHour.TryGetValue(hour, out var current))
            {
                offset = current.Hour.Offset;
            }

            var sum = 0.0;
            var count = 0;
            for (var back = 0; back < windowHours; back++)
            {
                if (byHour.TryGetValue(hour - back, out var value))
                {
                    sum += value.Value;
                    count++;
                }
            }

            if (count >= minimumHours)
            {
                var start = new DateTimeOffset(hour * TimeSpan.TicksPerHour, TimeSpan.Zero).ToOffset(offset);
                means.Add(new HourlyValue(start, sum / count));
            }
        }

        return means;
    }

    private static List<DailyValue> ByDay(IEnumerable<HourlyValue> values, int minimumCount, Func<IEnumerable<double>, double> statistic) =>
        [.. values
            .GroupBy(value => DateOnly.FromDateTime(value.Hour.DateTime))
            .Where(day => day.Count() >= minimumCount)
            .Select(day => new DailyValue(day.Key, statistic(day.Select(value => value.Value)), day.Count()))
            .OrderBy(day => day.Day)];

    private static long HourNumber(DateTimeOffset hour) => hour.UtcTicks / TimeSpan.TicksPerHour;

    private static void EnsureMinimum(int minimum, int windowHours, string parameterName)
    {
        if (minimum < 1 || minimum > windowHours)
        {
            throw new ArgumentOutOfRangeException(parameterName, minimum, $"Allowed values: 1 to {windowHours}.");
        }
    }
}
