using UrbanSensing.Analytics.AirQuality;

namespace UrbanSensing.Analytics.Reports;

/// <summary>How often one site's daily means of one pollutant went above the WHO 2021 24-hour guideline over the range.</summary>
public sealed record SiteGuidelineExceedances(string Site, Pollutant Pollutant, ExceedanceSummary Summary);
