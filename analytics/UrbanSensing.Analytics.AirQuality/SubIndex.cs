namespace UrbanSensing.Analytics.AirQuality;

/// <summary>The band of one pollutant.</summary>
/// <param name="Averaging">The statistic the table rates this pollutant on, which the concentration is taken to be.</param>
public sealed record SubIndex(Pollutant Pollutant, double Concentration, AveragingPeriod Averaging, AirQualityBand Band);
