namespace UrbanSensing.Analytics.Comfort;

/// <summary>
/// The humidex of Masterton and Richardson (Masterton, J. M. and Richardson, F. A., 1979: "Humidex: a method of
/// quantifying human discomfort due to excessive heat and humidity", CLI 1-79, Atmospheric Environment Service,
/// Environment Canada), in Environment Canada's form:
/// H = T + 0.5555 × (e − 10), e = 6.11 × exp[5417.7530 × (1/273.16 − 1/Td)], T in °C, Td the dew point in K.
/// </summary>
public static class Humidex
{
    private const double KelvinOffset = 273.15;

    /// <summary>The humidex from the air temperature and the dew point, the inputs of the source formula.</summary>
    /// <param name="airTemperature">In °C.</param>
    /// <param name="dewPoint">In °C, at most <paramref name="airTemperature"/>.</param>
    public static HumidexResult FromDewPoint(double airTemperature, double dewPoint)
    {
        InputGuard.Finite(airTemperature, nameof(airTemperature));
        if (!double.IsFinite(dewPoint) || dewPoint > airTemperature)
        {
            throw new ArgumentOutOfRangeException(
                nameof(dewPoint), dewPoint, "dewPoint must be a finite temperature no higher than airTemperature.");
        }

        var vapourPressure = 6.11 * Math.Exp(5417.7530 * ((1 / 273.16) - (1 / (dewPoint + KelvinOffset))));
        var value = airTemperature + (0.5555 * (vapourPressure - 10.0));
        return new HumidexResult(value, Classify(value));
    }

    /// <summary>
    /// The humidex from the air temperature and relative humidity: the dew point comes from
    /// <see cref="Psychrometrics.DewPoint"/> (Bolton 1980), then <see cref="FromDewPoint"/> applies.
    /// </summary>
    /// <param name="airTemperature">In °C.</param>
    /// <param name="relativeHumidity">In %, greater than 0 and at most 100.</param>
    public static HumidexResult FromRelativeHumidity(double airTemperature, double relativeHumidity)
    {
        var dewPoint = Psychrometrics.DewPoint(airTemperature, relativeHumidity).Value;
        return FromDewPoint(airTemperature, Math.Min(dewPoint, airTemperature));
    }

    /// <summary>The Environment Canada comfort range of a humidex value (see <see cref="HumidexCategory"/>).</summary>
    public static HumidexCategory Classify(double humidex)
    {
        InputGuard.Finite(humidex, nameof(humidex));
        return Math.Round(humidex, MidpointRounding.AwayFromZero) switch
        {
            > 54 => HumidexCategory.HeatStrokeImminent,
            > 45 => HumidexCategory.Dangerous,
            >= 40 => HumidexCategory.GreatDiscomfort,
            >= 30 => HumidexCategory.SomeDiscomfort,
            _ => HumidexCategory.LittleOrNoDiscomfort,
        };
    }
}
