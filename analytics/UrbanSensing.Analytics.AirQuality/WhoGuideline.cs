namespace UrbanSensing.Analytics.AirQuality;

/// <summary>One WHO air quality guideline level (µg/m³).</summary>
/// <param name="Percentile">
/// For a short-term guideline, the percentile of a year's values that should stay at or below the level (99: the
/// WHO's "3–4 exceedance days per year"); null for a long-term guideline, which the annual or peak-season mean meets.
/// </param>
public sealed record WhoGuideline(Pollutant Pollutant, AveragingPeriod Averaging, double Level, double? Percentile)
{
    public bool IsShortTerm => Percentile is not null;
}
