using UrbanSensing.Simulator.Sites;

namespace UrbanSensing.Simulator.Sensors;

/// <summary>
/// The simulated climate of Lille at the park reference, plus the urban heat island of each urban class.
/// </summary>
internal static class LilleClimate
{
    // Approximate normals at Lille-Lesquin: daily minimum from about 1.5 °C (January) to 13.5 °C (late July),
    // daily maximum from about 6.5 °C to 24 °C.
    private const double MeanDailyMinimum = 7.5;
    private const double DailyMinimumSwing = 6.0;
    private const double MeanDailyMaximum = 15.25;
    private const double DailyMaximumSwing = 8.75;
    private const double WarmestDayOfYear = 205;
    private const double DaysPerYear = 365.25;

    private const double HourOfMinimum = 5;
    private const double HourOfMaximum = 15;
    private const double HourOfStrongestHeatIsland = 2;

    // Magnus formula coefficients over water (Alduchov and Eskridge, 1996).
    private const double MagnusA = 17.625;
    private const double MagnusB = 243.04;

    /// <summary>Park-reference temperature in °C at a local (Lille civil) time.</summary>
    public static double ReferenceTemperature(DateTime local)
    {
        var (minimum, maximum) = NormalRange(local.DayOfYear);
        return minimum + ((maximum - minimum) * DiurnalFraction(local.TimeOfDay.TotalHours));
    }

    /// <summary>The dew point of the day's air mass: just under the night minimum, where dew forms at dawn.</summary>
    public static double DewPoint(DateTime local) => NormalRange(local.DayOfYear).Minimum - 1;

    /// <summary>
    /// How much warmer a site is than the park: full strength at night, when streets and walls give back the day's
    /// heat, and about a third of it in the early afternoon.
    /// </summary>
    public static double HeatIsland(UrbanClass urbanClass, DateTime local)
    {
        var nightIntensity = urbanClass switch
        {
            UrbanClass.Dense => 2.5,
            UrbanClass.Residential => 1.0,
            _ => 0.0,
        };
        var hoursFromStrongest = local.TimeOfDay.TotalHours - HourOfStrongestHeatIsland;
        return nightIntensity * (0.65 + (0.35 * Math.Cos(2 * Math.PI * hoursFromStrongest / 24)));
    }

    /// <summary>Relative humidity in %RH of air at <paramref name="temperature"/> with dew point <paramref name="dewPoint"/> (°C).</summary>
    public static double RelativeHumidity(double temperature, double dewPoint) =>
        100 * Math.Exp((MagnusA * dewPoint / (MagnusB + dewPoint)) - (MagnusA * temperature / (MagnusB + temperature)));

    private static (double Minimum, double Maximum) NormalRange(int dayOfYear)
    {
        var season = Math.Cos(2 * Math.PI * (dayOfYear - WarmestDayOfYear) / DaysPerYear);
        return (MeanDailyMinimum + (DailyMinimumSwing * season), MeanDailyMaximum + (DailyMaximumSwing * season));
    }

    /// <summary>0 at the daily minimum (05:00), 1 at the maximum (15:00): a half cosine up over 10 h, down over 14 h.</summary>
    private static double DiurnalFraction(double hour)
    {
        const double rising = HourOfMaximum - HourOfMinimum;
        const double falling = 24 - rising;
        if (hour >= HourOfMinimum && hour < HourOfMaximum)
        {
            return (1 - Math.Cos(Math.PI * (hour - HourOfMinimum) / rising)) / 2;
        }

        var sinceMaximum = (hour - HourOfMaximum + 24) % 24;
        return (1 + Math.Cos(Math.PI * sinceMaximum / falling)) / 2;
    }
}
