namespace UrbanSensing.Analytics.AirQuality;

/// <summary>How often a series of short-term values went above a WHO guideline, against how often the guideline allows.</summary>
/// <param name="ValidDays">The days with a value (days that failed data capture have none).</param>
/// <param name="Exceedances">The days whose value is strictly above the guideline level.</param>
/// <param name="PermittedExceedances">
/// The most exceedances for which the guideline's percentile of the series (nearest-rank) stays at or below the level:
/// <c>N − ⌈p/100 × N⌉</c>, 3 for a full year at the 99th percentile.
/// </param>
public sealed record ExceedanceSummary(WhoGuideline Guideline, int ValidDays, int Exceedances, int PermittedExceedances)
{
    public bool MeetsGuideline => Exceedances <= PermittedExceedances;
}
