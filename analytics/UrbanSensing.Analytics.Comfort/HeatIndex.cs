namespace UrbanSensing.Analytics.Comfort;

/// <summary>
/// The U.S. National Weather Service heat index, exactly as the NWS page "The Heat Index Equation"
/// (wpc.ncep.noaa.gov/html/heatindex_equation.shtml) describes it, in °F:
/// <list type="number">
/// <item>Steadman's simple formula HI = 0.5 × {T + 61.0 + [(T − 68.0) × 1.2] + (RH × 0.094)} first;</item>
/// <item>if the switch point is reached (<see cref="HeatIndexSwitchPoint"/>), Rothfusz's regression
/// HI = −42.379 + 2.04901523 T + 10.14333127 RH − 0.22475541 T RH − 0.00683783 T² − 0.05481717 RH²
/// + 0.00122874 T² RH + 0.00085282 T RH² − 0.00000199 T² RH²;</item>
/// <item>minus [(13 − RH) / 4] × √{[17 − |T − 95|] / 17} when RH &lt; 13 % and 80 °F ≤ T ≤ 112 °F;</item>
/// <item>plus [(RH − 85) / 10] × [(87 − T) / 5] when RH &gt; 85 % and 80 °F ≤ T ≤ 87 °F.</item>
/// </list>
/// The page says "between 80 and 112" and "between 80 and 87" without saying whether the ends are included; they
/// are included here, as MetPy does. The NWS warns that the regression is not valid beyond the range of Steadman's
/// data; the value is returned anyway, as the NWS calculator does.
/// </summary>
public static class HeatIndex
{
    private const double RegressionThresholdFahrenheit = 80;

    /// <summary>The heat index of air at a temperature and relative humidity, in °C.</summary>
    /// <param name="airTemperature">In °C.</param>
    /// <param name="relativeHumidity">In %, 0 to 100.</param>
    /// <param name="switchPoint">When to use the regression; the NWS procedure by default.</param>
    public static HeatIndexResult Calculate(
        double airTemperature,
        double relativeHumidity,
        HeatIndexSwitchPoint switchPoint = HeatIndexSwitchPoint.SimpleAveragedWithTemperature)
    {
        InputGuard.Finite(airTemperature, nameof(airTemperature));
        InputGuard.RelativeHumidity(relativeHumidity, nameof(relativeHumidity));
        if (!Enum.IsDefined(switchPoint))
        {
            throw new ArgumentOutOfRangeException(nameof(switchPoint), switchPoint, "switchPoint must be a defined HeatIndexSwitchPoint.");
        }

        var t = CelsiusToFahrenheit(airTemperature);
        var rh = relativeHumidity;
        var simple = 0.5 * (t + 61.0 + ((t - 68.0) * 1.2) + (rh * 0.094));
        var switchValue = switchPoint == HeatIndexSwitchPoint.SimpleAveragedWithTemperature ? (simple + t) / 2 : t;

        var formula = switchValue >= RegressionThresholdFahrenheit ? HeatIndexFormula.Rothfusz : HeatIndexFormula.Simple;
        var fahrenheit = formula == HeatIndexFormula.Rothfusz ? Rothfusz(t, rh) : simple;
        return new HeatIndexResult(FahrenheitToCelsius(fahrenheit), Classify(fahrenheit), formula);
    }

    /// <summary>The NWS band of a heat index given in °F, the unit the bands are published in.</summary>
    public static HeatIndexCategory Classify(double heatIndexFahrenheit)
    {
        InputGuard.Finite(heatIndexFahrenheit, nameof(heatIndexFahrenheit));
        return heatIndexFahrenheit switch
        {
            >= 125 => HeatIndexCategory.ExtremeDanger,
            >= 103 => HeatIndexCategory.Danger,
            >= 90 => HeatIndexCategory.ExtremeCaution,
            >= 80 => HeatIndexCategory.Caution,
            _ => HeatIndexCategory.None,
        };
    }

    private static double Rothfusz(double t, double rh)
    {
        var hi = -42.379
            + (2.04901523 * t)
            + (10.14333127 * rh)
            - (0.22475541 * t * rh)
            - (0.00683783 * t * t)
            - (0.05481717 * rh * rh)
            + (0.00122874 * t * t * rh)
            + (0.00085282 * t * rh * rh)
            - (0.00000199 * t * t * rh * rh);

        if (rh < 13 && t is >= 80 and <= 112)
        {
            hi -= (13 - rh) / 4 * Math.Sqrt((17 - Math.Abs(t - 95)) / 17);
        }
        else if (rh > 85 && t is >= 80 and <= 87)
        {
            hi += (rh - 85) / 10 * ((87 - t) / 5);
        }

        return hi;
    }

    private static double CelsiusToFahrenheit(double celsius) => (celsius * 1.8) + 32;

    private static double FahrenheitToCelsius(double fahrenheit) => (fahrenheit - 32) / 1.8;
}
