namespace UrbanSensing.Analytics.Comfort;

/// <summary>
/// Saturation vapour pressure over liquid water, dew point and relative humidity, all from the Magnus form fitted by
/// Bolton (Bolton, D., 1980: "The Computation of Equivalent Potential Temperature", Monthly Weather Review 108(7),
/// 1046–1053, equation 10), the form MetPy uses:
/// e_s(T) = 6.112 hPa × exp(17.67 T / (T + 243.5)), T in °C. Bolton gives it as accurate to 0.1 % from −35 °C to
/// +35 °C; it is over water at every temperature, so below 0 °C the dew point is not a frost point.
/// </summary>
public static class Psychrometrics
{
    private const double BaseVapourPressure = 6.112;
    private const double MagnusA = 17.67;
    private const double MagnusB = 243.5;

    /// <summary>Saturation vapour pressure over liquid water, in hPa (Bolton 1980, equation 10).</summary>
    /// <param name="airTemperature">In °C.</param>
    public static double SaturationVapourPressure(double airTemperature)
    {
        InputGuard.Finite(airTemperature, nameof(airTemperature));
        return BaseVapourPressure * Math.Exp(MagnusA * airTemperature / (airTemperature + MagnusB));
    }

    /// <summary>The dew point of air holding water vapour at a partial pressure: Bolton's equation 10 inverted.</summary>
    /// <param name="vapourPressure">In hPa, greater than 0.</param>
    public static ComfortTemperature DewPointFromVapourPressure(double vapourPressure)
    {
        if (!double.IsFinite(vapourPressure) || vapourPressure <= 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(vapourPressure), vapourPressure, "vapourPressure must be a finite pressure greater than 0 hPa.");
        }

        var logRatio = Math.Log(vapourPressure / BaseVapourPressure);
        return new ComfortTemperature(MagnusB * logRatio / (MagnusA - logRatio));
    }

    /// <summary>The dew point of air at a temperature and relative humidity (over water).</summary>
    /// <param name="airTemperature">In °C.</param>
    /// <param name="relativeHumidity">In %, greater than 0 (the dew point of perfectly dry air is undefined) and at most 100.</param>
    public static ComfortTemperature DewPoint(double airTemperature, double relativeHumidity)
    {
        InputGuard.PositiveRelativeHumidity(relativeHumidity, nameof(relativeHumidity));
        return DewPointFromVapourPressure(SaturationVapourPressure(airTemperature) * relativeHumidity / 100);
    }

    /// <summary>The relative humidity, in %, of air at a temperature with a given dew point: e_s(Td) / e_s(T).</summary>
    /// <param name="airTemperature">In °C.</param>
    /// <param name="dewPoint">In °C, at most <paramref name="airTemperature"/> (air is not supersaturated).</param>
    public static double RelativeHumidity(double airTemperature, double dewPoint)
    {
        InputGuard.Finite(airTemperature, nameof(airTemperature));
        if (!double.IsFinite(dewPoint) || dewPoint > airTemperature)
        {
            throw new ArgumentOutOfRangeException(
                nameof(dewPoint), dewPoint, "dewPoint must be a finite temperature no higher than airTemperature.");
        }

        return 100 * SaturationVapourPressure(dewPoint) / SaturationVapourPressure(airTemperature);
    }
}
