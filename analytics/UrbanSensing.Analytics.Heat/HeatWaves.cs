namespace UrbanSensing.Analytics.Heat;

/// <summary>
/// Heat waves by Météo-France's vigilance rule: a day is in a heat wave (canicule, orange level) when its
/// biometeorological indicators IBMn and IBMx, the 3-day means of daily minimum and maximum temperature, are both at
/// or above the department's thresholds (Système d'alerte canicule et santé, Laaidi et al. 2004–2012). Indicators
/// are computed only where all three days of the window are present; a missing day ends an episode.
/// </summary>
public static class HeatWaves
{
    /// <summary>The indicators of every day whose 3-day window is complete, in date order.</summary>
    /// <exception cref="ArgumentException">Two entries share a date, or <paramref name="window"/> is not defined.</exception>
    public static IReadOnlyList<BiometeorologicalIndicator> Indicators(
        IEnumerable<DailyTemperature> days,
        IndicatorWindow window = IndicatorWindow.DayAndTwoFollowing)
    {
        ArgumentNullException.ThrowIfNull(days);
        var firstOffset = window switch
        {
            IndicatorWindow.DayAndTwoFollowing => 0,
            IndicatorWindow.DayAndTwoPreceding => -2,
            _ => throw new ArgumentOutOfRangeException(nameof(window), window, "The window must be DayAndTwoFollowing (Météo-France) or DayAndTwoPreceding."),
        };
        var byDate = new SortedDictionary<DateOnly, DailyTemperature>();
        foreach (var day in days)
        {
            if (!byDate.TryAdd(day.Date, day))
            {
                throw new ArgumentException($"Two days are dated {day.Date:yyyy-MM-dd}; give one entry per day.", nameof(days));
            }
        }

        var indicators = new List<BiometeorologicalIndicator>();
        foreach (var date in byDate.Keys)
        {
            var first = date.AddDays(firstOffset);
            if (byDate.TryGetValue(first, out var day0)
                && byDate.TryGetValue(first.AddDays(1), out var day1)
                && byDate.TryGetValue(first.AddDays(2), out var day2))
            {
                indicators.Add(new BiometeorologicalIndicator(
                    date,
                    (day0.Minimum + day1.Minimum + day2.Minimum) / 3.0,
                    (day0.Maximum + day1.Maximum + day2.Maximum) / 3.0));
            }
        }

        return indicators;
    }

    /// <summary>The episodes, in date order: runs of consecutive days whose IBMn and IBMx reach the thresholds.</summary>
    public static IReadOnlyList<HeatWaveEpisode> Detect(
        IEnumerable<DailyTemperature> days,
        HeatWaveThresholds thresholds,
        IndicatorWindow window = IndicatorWindow.DayAndTwoFollowing)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        thresholds.Validate(nameof(thresholds));
        var hot = Indicators(days, window)
            .Where(day => day.Ibmn >= thresholds.MinimumCelsius && day.Ibmx >= thresholds.MaximumCelsius)
            .ToArray();
        var (before, after) = window == IndicatorWindow.DayAndTwoFollowing ? (0, 2) : (-2, 0);
        var episodes = new List<HeatWaveEpisode>();
        var start = 0;
        for (var index = 1; index <= hot.Length; index++)
        {
            if (index == hot.Length || hot[index].Date != hot[index - 1].Date.AddDays(1))
            {
                var run = hot[start..index];
                episodes.Add(new HeatWaveEpisode(
                    run[0].Date,
                    run[^1].Date,
                    run[0].Date.AddDays(before),
                    run[^1].Date.AddDays(after),
                    run.Max(day => day.Ibmn),
                    run.Max(day => day.Ibmx)));
                start = index;
            }
        }

        return episodes;
    }
}
