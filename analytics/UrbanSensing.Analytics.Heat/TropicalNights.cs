namespace UrbanSensing.Analytics.Heat;

/// <summary>Tropical nights: days whose minimum temperature stays at or above (or above) 20 °C.</summary>
public static class TropicalNights
{
    public const double DefaultThresholdCelsius = 20.0;

    /// <summary>The dates of the days that are tropical nights under <paramref name="rule"/>, in the order given.</summary>
    /// <exception cref="ArgumentException"><paramref name="thresholdCelsius"/> is not finite, or <paramref name="rule"/> is not a defined rule.</exception>
    public static IReadOnlyList<DateOnly> Find(
        IEnumerable<DailyTemperature> days,
        TropicalNightRule rule = TropicalNightRule.AtOrAbove,
        double thresholdCelsius = DefaultThresholdCelsius)
    {
        ArgumentNullException.ThrowIfNull(days);
        if (!double.IsFinite(thresholdCelsius))
        {
            throw new ArgumentOutOfRangeException(nameof(thresholdCelsius), thresholdCelsius, "The threshold must be a finite number of degrees Celsius (20 by default).");
        }

        Func<double, bool> isTropical = rule switch
        {
            TropicalNightRule.AtOrAbove => minimum => minimum >= thresholdCelsius,
            TropicalNightRule.StrictlyAbove => minimum => minimum > thresholdCelsius,
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "The rule must be AtOrAbove (Météo-France) or StrictlyAbove (ETCCDI)."),
        };
        return [.. days.Where(day => isTropical(day.Minimum)).Select(day => day.Date)];
    }
}
