using UrbanSensing.Analytics.AirQuality;

namespace UrbanSensing.Cli.Analyze;

/// <summary>How often one site's daily means of one pollutant went above the WHO 2021 24-hour guideline over the range.</summary>
internal sealed record SiteGuidelineExceedances(string Site, Pollutant Pollutant, ExceedanceSummary Summary);
