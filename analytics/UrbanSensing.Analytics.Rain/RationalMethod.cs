namespace UrbanSensing.Analytics.Rain;

/// <summary>
/// The rational method Q = C · i · A. With i in mm/h and A in hectares, 1 mm/h on 1 ha is 10 m³/h, that is
/// 10 000 / 3600 = 2.778 l/s, so Q[l/s] = 2.778 · C · i[mm/h] · A[ha].
/// </summary>
public static class RationalMethod
{
    /// <summary>Litres per second produced by 1 mm/h on 1 ha: 10 m³/h = 25/9 l/s.</summary>
    public const double LitresPerSecondPerMmPerHourHectare = 10_000.0 / 3600.0;

    /// <summary>The peak flow in l/s.</summary>
    /// <param name="runoffCoefficient">C, dimensionless, in [0, 1].</param>
    /// <param name="intensityMmPerHour">The design intensity for a duration equal to the time of concentration, mm/h.</param>
    /// <param name="areaHectares">The drained area, ha.</param>
    public static double PeakFlowLitresPerSecond(double runoffCoefficient, double intensityMmPerHour, double areaHectares)
    {
        if (!double.IsFinite(runoffCoefficient) || runoffCoefficient < 0 || runoffCoefficient > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(runoffCoefficient), runoffCoefficient, "A runoff coefficient is in [0, 1].");
        }

        if (!double.IsFinite(intensityMmPerHour) || intensityMmPerHour < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(intensityMmPerHour), intensityMmPerHour, "An intensity is a finite number of mm/h, zero or more.");
        }

        if (!double.IsFinite(areaHectares) || areaHectares < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(areaHectares), areaHectares, "An area is a finite number of hectares, zero or more.");
        }

        return LitresPerSecondPerMmPerHourHectare * runoffCoefficient * intensityMmPerHour * areaHectares;
    }
}
