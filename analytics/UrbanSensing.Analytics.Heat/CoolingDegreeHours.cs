namespace UrbanSensing.Analytics.Heat;

/// <summary>
/// Cooling degree hours: the sum over hours of how far the hourly mean temperature exceeds a base, Σ max(0, T − base),
/// in kelvin hours (K·h). The base is a choice, not a standard: building-energy degree days use 18.3 °C (65 °F,
/// ASHRAE); for heat stress we default to 26 °C, the temperature above which CIBSE TM59 (2017) counts a bedroom as
/// overheated at night: an indoor comfort limit, used here as a proxy for outdoor air. Hours missing from the series
/// count as nothing, so compare sums over equal coverage.
/// </summary>
public static class CoolingDegreeHours
{
    public const double DefaultBaseCelsius = 26.0;

    /// <exception cref="ArgumentException"><paramref name="baseCelsius"/> is NaN or infinite.</exception>
    public static double Sum(HourlySeries series, double baseCelsius = DefaultBaseCelsius)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (!double.IsFinite(baseCelsius))
        {
            throw new ArgumentOutOfRangeException(nameof(baseCelsius), baseCelsius, "The base temperature must be a finite number of degrees Celsius (26 by default).");
        }

        return series.Hours.Sum(hour => Math.Max(0.0, hour.Celsius - baseCelsius));
    }
}
