namespace UrbanSensing.Analytics.Comfort;

/// <summary>
/// The wet-bulb temperature at standard sea-level pressure from Stull's empirical fit (Stull, R., 2011: "Wet-Bulb
/// Temperature from Relative Humidity and Air Temperature", Journal of Applied Meteorology and Climatology 50(11),
/// 2267–2269, equation 1):
/// Tw = T atan[0.151977 (RH + 8.313659)^½] + atan(T + RH) − atan(RH − 1.676331)
///      + 0.00391838 RH^(3/2) atan(0.023101 RH) − 4.686035,
/// T in °C, RH in %, angles in radians. Stull gives it for 5 % ≤ RH ≤ 99 % and −20 °C ≤ T ≤ 50 °C (errors from
/// −1 °C to +0.65 °C, larger where cold and dry air meet); outside that range it is refused.
/// </summary>
public static class WetBulbTemperature
{
    /// <param name="airTemperature">In °C, −20 to 50.</param>
    /// <param name="relativeHumidity">In %, 5 to 99.</param>
    public static ComfortTemperature Calculate(double airTemperature, double relativeHumidity)
    {
        InputGuard.Within(airTemperature, -20, 50, "°C", nameof(airTemperature));
        InputGuard.Within(relativeHumidity, 5, 99, "%", nameof(relativeHumidity));

        var t = airTemperature;
        var rh = relativeHumidity;
        var value = (t * Math.Atan(0.151977 * Math.Sqrt(rh + 8.313659)))
            + Math.Atan(t + rh)
            - Math.Atan(rh - 1.676331)
            + (0.00391838 * Math.Pow(rh, 1.5) * Math.Atan(0.023101 * rh))
            - 4.686035;
        return new ComfortTemperature(value);
    }
}
