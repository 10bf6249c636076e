namespace UrbanSensing.Analytics.Rain;

/// <summary>
/// The SCS (now NRCS) curve-number runoff equation, USDA NRCS TR-55 (1986) chapter 2 and NEH Part 630 chapter 10,
/// in millimetres: Q = (P − Ia)² / (P − Ia + S) for P &gt; Ia, otherwise 0, with S = 25400/CN − 254 and Ia = λ S.
/// </summary>
public static class ScsCurveNumber
{
    private const double MmPerInch = 25.4;

    /// <summary>The potential maximum retention S = 25400/CN − 254, mm.</summary>
    public static double PotentialRetentionMm(double curveNumber) => 25400 / RequireCurveNumber(curveNumber) - 254;

    /// <summary>The initial abstraction Ia, mm, under the chosen λ.</summary>
    public static double InitialAbstractionMm(double curveNumber, InitialAbstraction initialAbstraction = InitialAbstraction.Lambda020)
    {
        var (lambda, retention) = LambdaAndRetention(curveNumber, initialAbstraction);
        return lambda * retention;
    }

    /// <summary>The direct runoff depth Q, mm, of an event of <paramref name="rainfallMm"/>.</summary>
    public static double RunoffMm(double rainfallMm, double curveNumber, InitialAbstraction initialAbstraction = InitialAbstraction.Lambda020)
    {
        if (!double.IsFinite(rainfallMm) || rainfallMm < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rainfallMm), rainfallMm, "A rainfall depth is a finite number of mm, zero or more.");
        }

        var (lambda, retention) = LambdaAndRetention(curveNumber, initialAbstraction);
        var initial = lambda * retention;
        if (rainfallMm <= initial)
        {
            return 0;
        }

        var excess = rainfallMm - initial;
        return excess * excess / (excess + retention);
    }

    /// <summary>The curve number for another antecedent moisture condition than the tabulated AMC II.</summary>
    public static double AdjustForAntecedentMoisture(
        double curveNumberAmcII,
        AntecedentMoistureCondition condition,
        AmcConversion conversion = AmcConversion.ChowEtAl1988)
    {
        var cn = RequireCurveNumber(curveNumberAmcII, nameof(curveNumberAmcII));
        return (condition, conversion) switch
        {
            (AntecedentMoistureCondition.Average, _) => cn,
            (AntecedentMoistureCondition.Dry, AmcConversion.ChowEtAl1988) => 4.2 * cn / (10 - (0.058 * cn)),
            (AntecedentMoistureCondition.Wet, AmcConversion.ChowEtAl1988) => 23 * cn / (10 + (0.13 * cn)),
            (AntecedentMoistureCondition.Dry, AmcConversion.HawkinsEtAl1985) => cn / (2.281 - (0.01281 * cn)),
            (AntecedentMoistureCondition.Wet, AmcConversion.HawkinsEtAl1985) => cn / (0.427 + (0.00573 * cn)),
            _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, "An antecedent moisture condition is Dry (I), Average (II) or Wet (III), converted by ChowEtAl1988 or HawkinsEtAl1985."),
        };
    }

    private static (double Lambda, double RetentionMm) LambdaAndRetention(double curveNumber, InitialAbstraction initialAbstraction)
    {
        var retention = PotentialRetentionMm(curveNumber);
        return initialAbstraction switch
        {
            InitialAbstraction.Lambda020 => (0.20, retention),
            InitialAbstraction.Lambda005 => (0.05, retention),
            InitialAbstraction.Lambda005ConvertedHawkins2002 => (0.05, MmPerInch * 1.33 * Math.Pow(retention / MmPerInch, 1.15)),
            _ => throw new ArgumentOutOfRangeException(nameof(initialAbstraction), initialAbstraction, "The initial abstraction is Lambda020, Lambda005 or Lambda005ConvertedHawkins2002."),
        };
    }

    private static double RequireCurveNumber(double curveNumber, string parameterName = "curveNumber") =>
        double.IsFinite(curveNumber) && curveNumber > 0 && curveNumber <= 100
            ? curveNumber
            : throw new ArgumentOutOfRangeException(parameterName, curveNumber, "A curve number is in (0, 100].");
}
