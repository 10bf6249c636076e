namespace UrbanSensing.Analytics.Comfort;

/// <summary>
/// The Universal Thermal Climate Index by the operational procedure of Bröde et al. (2012, see
/// <see cref="UtciCoefficients"/>): UTCI = Ta + a sixth-order polynomial in Ta, va, Tmrt − Ta and Pa. The vapour
/// pressure Pa comes from the relative humidity and the saturation vapour pressure of the same program (Hardy, B.,
/// 1998: "ITS-90 formulations for vapor pressure, frostpoint temperature, dewpoint temperature, and enhancement
/// factors in the range −100 to +100 °C", over water).
/// <para>
/// The polynomial is published as valid for −50 °C ≤ Ta ≤ +50 °C, −30 °C ≤ Tmrt − Ta ≤ +70 °C and
/// 0.5 m/s ≤ va ≤ 17 m/s at 10 m; it is not an extrapolation of the underlying model, so inputs outside that domain
/// are refused with an <see cref="ArgumentOutOfRangeException"/> rather than clamped (pythermalcomfort likewise returns
/// no value there). A caller that wants calm air treated as the lowest modelled wind must clamp it to 0.5 m/s itself.
/// </para>
/// </summary>
public static class Utci
{
    private const int Degree = 6;

    /// <summary>Hardy's (1998) ITS-90 coefficients g0…g6 for T^-2…T^4, T in K, pressure in Pa; g7 multiplies ln T.</summary>
    private static readonly double[] HardyCoefficients =
    [
        -2.8365744e3, -6.028076559e3, 1.954263612e1, -2.737830188e-2, 1.6261698e-5, 7.0229056e-10, -1.8680009e-13,
    ];

    private const double HardyLogCoefficient = 2.7150305;

    /// <param name="airTemperature">In °C, −50 to +50.</param>
    /// <param name="relativeHumidity">In %, 0 to 100.</param>
    /// <param name="windSpeed">At 10 m above ground, in m/s, 0.5 to 17.</param>
    /// <param name="meanRadiantTemperature">
    /// In °C, from 30 °C below to 70 °C above the air temperature; when null it is taken equal to the air temperature
    /// and <see cref="UtciResult.MeanRadiantTemperatureAssumed"/> is set.
    /// </param>
    public static UtciResult Calculate(
        double airTemperature, double relativeHumidity, double windSpeed, double? meanRadiantTemperature = null)
    {
        InputGuard.Within(airTemperature, -50, 50, "°C", nameof(airTemperature));
        InputGuard.RelativeHumidity(relativeHumidity, nameof(relativeHumidity));
        InputGuard.Within(windSpeed, 0.5, 17, "m/s", nameof(windSpeed));

        var radiantTemperature = meanRadiantTemperature ?? airTemperature;
        var radiantDifference = radiantTemperature - airTemperature;
        if (!double.IsFinite(radiantTemperature) || radiantDifference < -30 || radiantDifference > 70)
        {
            throw new ArgumentOutOfRangeException(
                nameof(meanRadiantTemperature),
                radiantTemperature,
                FormattableString.Invariant(
                    $"meanRadiantTemperature must be between airTemperature − 30 °C and airTemperature + 70 °C ({airTemperature - 30} to {airTemperature + 70} °C)."));
        }

        var vapourPressureKilopascal = SaturationVapourPressure(airTemperature) * relativeHumidity / 100 / 10;
        var value = airTemperature + Polynomial(airTemperature, windSpeed, radiantDifference, vapourPressureKilopascal);
        return new UtciResult(value, Classify(value), meanRadiantTemperature is null);
    }

    /// <summary>The UTCI assessment-scale category of a UTCI value in °C (see <see cref="UtciStressCategory"/>).</summary>
    public static UtciStressCategory Classify(double utci)
    {
        InputGuard.Finite(utci, nameof(utci));
        return utci switch
        {
            > 46 => UtciStressCategory.ExtremeHeatStress,
            > 38 => UtciStressCategory.VeryStrongHeatStress,
            > 32 => UtciStressCategory.StrongHeatStress,
            > 26 => UtciStressCategory.ModerateHeatStress,
            >= 9 => UtciStressCategory.NoThermalStress,
            >= 0 => UtciStressCategory.SlightColdStress,
            >= -13 => UtciStressCategory.ModerateColdStress,
            >= -27 => UtciStressCategory.StrongColdStress,
            >= -40 => UtciStressCategory.VeryStrongColdStress,
            _ => UtciStressCategory.ExtremeColdStress,
        };
    }

    /// <summary>Saturation vapour pressure over water, in hPa, as UTCI_a002 computes it.</summary>
    internal static double SaturationVapourPressure(double airTemperature)
    {
        var kelvin = airTemperature + 273.15;
        var exponent = HardyLogCoefficient * Math.Log(kelvin);
        for (var i = 0; i < HardyCoefficients.Length; i++)
        {
            exponent += HardyCoefficients[i] * Math.Pow(kelvin, i - 2);
        }

        return Math.Exp(exponent) * 0.01;
    }

    /// <summary>UTCI − Ta: the sum of every coefficient times its powers, in the coefficients' order.</summary>
    /// <param name="ta">Air temperature, in °C.</param>
    /// <param name="va">Wind speed at 10 m, in m/s.</param>
    /// <param name="radiantDifference">Tmrt − Ta, in °C.</param>
    /// <param name="pa">Water vapour pressure, in kPa.</param>
    internal static double Polynomial(double ta, double va, double radiantDifference, double pa)
    {
        Span<double> taPowers = stackalloc double[Degree + 1];
        Span<double> vaPowers = stackalloc double[Degree + 1];
        Span<double> differencePowers = stackalloc double[Degree + 1];
        Span<double> paPowers = stackalloc double[Degree + 1];
        FillPowers(taPowers, ta);
        FillPowers(vaPowers, va);
        FillPowers(differencePowers, radiantDifference);
        FillPowers(paPowers, pa);

        var coefficients = UtciCoefficients.Values;
        var index = 0;
        var sum = 0.0;
        for (var p = 0; p <= Degree; p++)
        {
            for (var d = 0; d <= Degree - p; d++)
            {
                for (var v = 0; v <= Degree - p - d; v++)
                {
                    var outer = paPowers[p] * differencePowers[d] * vaPowers[v];
                    for (var t = 0; t <= Degree - p - d - v; t++)
                    {
                        sum += coefficients[index++] * outer * taPowers[t];
                    }
                }
            }
        }

        return sum;
    }

    private static void FillPowers(Span<double> powers, double value)
    {
        powers[0] = 1;
        for (var i = 1; i < powers.Length; i++)
        {
            powers[i] = powers[i - 1] * value;
        }
    }
}
