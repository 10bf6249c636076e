namespace UrbanSensing.Analytics.Rain;

/// <summary>
/// The "méthode des pluies" of the Instruction technique relative aux réseaux d'assainissement des agglomérations
/// (circulaire 77-284, 1977) and of the Guide technique des bassins de retenue d'eaux pluviales (STU, 1994): the
/// storage needed under a constant outflow is the largest, over rain durations t, of inflow minus outflow,
/// V(t) = 10 · Ca · A · h(t) − 0.06 · qs · t, with h(t) = a · t^(1−b) in mm (Montana, t in min), A in ha
/// (1 mm on 1 ha = 10 m³) and qs in l/s (1 l/s for 1 min = 0.06 m³).
/// </summary>
public static class MethodeDesPluies
{
    /// <summary>m³ per (mm · ha).</summary>
    private const double CubicMetresPerMmHectare = 10;

    /// <summary>m³ per (l/s · min).</summary>
    private const double CubicMetresPerLitrePerSecondMinute = 0.06;

    /// <summary>
    /// Maximises V(t) over every duration the station's fits for <paramref name="returnPeriodYears"/> cover. Within
    /// one fit V is concave in t, so its maximum is at dV/dt = 0, t* = (10 Ca A a (1 − b) / (0.06 qs))^(1/b)
    /// (Desbordes' closed form), or at an end of the fit's range; each range is solved that way and the best kept.
    /// </summary>
    /// <param name="runoffCoefficient">Ca, the "coefficient d'apport", in (0, 1].</param>
    /// <param name="areaHectares">A, the drained area, ha.</param>
    /// <param name="outflowLitresPerSecond">qs, the constant outflow ("débit de fuite"), l/s, above zero.</param>
    public static StorageRequirement RequiredStorage(
        IdfStation station,
        double returnPeriodYears,
        double runoffCoefficient,
        double areaHectares,
        double outflowLitresPerSecond)
    {
        ArgumentNullException.ThrowIfNull(station);
        if (!double.IsFinite(runoffCoefficient) || runoffCoefficient <= 0 || runoffCoefficient > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(runoffCoefficient), runoffCoefficient, "A runoff coefficient (coefficient d'apport) is in (0, 1].");
        }

        if (!double.IsFinite(areaHectares) || areaHectares <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(areaHectares), areaHectares, "An area is a finite number of hectares above zero.");
        }

        if (!double.IsFinite(outflowLitresPerSecond) || outflowLitresPerSecond <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(outflowLitresPerSecond), outflowLitresPerSecond, "An outflow is a finite number of l/s above zero.");
        }

        var fits = station.Fits.Where(f => f.ReturnPeriodYears == returnPeriodYears).ToList();
        if (fits.Count == 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(returnPeriodYears),
                returnPeriodYears,
                $"{station.Name} has fits for T = {string.Join(", ", station.Fits.Select(f => f.ReturnPeriodYears).Distinct())} years only.");
        }

        var activeArea = runoffCoefficient * areaHectares;
        var outflowPerMinute = CubicMetresPerLitrePerSecondMinute * outflowLitresPerSecond;
        double Volume(MontanaFit fit, double minutes) =>
            (CubicMetresPerMmHectare * activeArea * fit.Coefficients.DepthMm(minutes)) - (outflowPerMinute * minutes);

        var best = (Volume: double.NegativeInfinity, Minutes: 0.0);
        foreach (var fit in fits)
        {
            var (a, b) = (fit.Coefficients.A, fit.Coefficients.B);
            var stationary = Math.Pow(CubicMetresPerMmHectare * activeArea * a * (1 - b) / outflowPerMinute, 1 / b);
            var critical = Math.Clamp(stationary, fit.MinDurationMinutes, fit.MaxDurationMinutes);
            var volume = Volume(fit, critical);
            if (volume > best.Volume)
            {
                best = (volume, critical);
            }
        }

        var longest = fits.Max(f => f.MaxDurationMinutes);
        var stored = Math.Max(best.Volume, 0);
        return new StorageRequirement(
            stored,
            best.Minutes,
            stored / (CubicMetresPerMmHectare * activeArea),
            best.Minutes >= longest);
    }
}
