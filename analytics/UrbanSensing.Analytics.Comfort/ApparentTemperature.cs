namespace UrbanSensing.Analytics.Comfort;

/// <summary>
/// Steadman's apparent temperature in the version without radiation that the Australian Bureau of Meteorology uses
/// (Steadman, R. G., 1994: "Norms of apparent temperature in Australia", Australian Meteorological Magazine 43,
/// 1–16; Bureau of Meteorology, "Thermal Comfort observations", bom.gov.au/info/thermal_stress):
/// AT = Ta + 0.33 e − 0.70 ws − 4.00, with e = (RH / 100) × 6.105 × exp(17.27 Ta / (237.7 + Ta)) the water vapour
/// pressure in hPa and ws the wind speed in m/s at 10 m.
/// </summary>
public static class ApparentTemperature
{
    /// <param name="airTemperature">Dry-bulb temperature, in °C.</param>
    /// <param name="relativeHumidity">In %, 0 to 100.</param>
    /// <param name="windSpeed">At 10 m, in m/s, 0 or more.</param>
    public static ComfortTemperature Calculate(double airTemperature, double relativeHumidity, double windSpeed)
    {
        InputGuard.Finite(airTemperature, nameof(airTemperature));
        InputGuard.RelativeHumidity(relativeHumidity, nameof(relativeHumidity));
        InputGuard.WindSpeed(windSpeed, nameof(windSpeed));

        var vapourPressure = relativeHumidity / 100 * 6.105 * Math.Exp(17.27 * airTemperature / (237.7 + airTemperature));
        return new ComfortTemperature(airTemperature + (0.33 * vapourPressure) - (0.70 * windSpeed) - 4.00);
    }
}
