namespace UrbanSensing.Analytics.Heat;

/// <summary>A run of consecutive days whose IBMn and IBMx both reach the department's thresholds.</summary>
/// <param name="Start">First day whose indicators reach the thresholds.</param>
/// <param name="End">Last day whose indicators reach the thresholds.</param>
/// <param name="FirstHotDay">First day whose temperatures enter those indicators: <paramref name="Start"/> with the forward window, two days before it with the trailing one.</param>
/// <param name="LastHotDay">Last day whose temperatures enter them: two days after <paramref name="End"/> with the forward window, <paramref name="End"/> with the trailing one.</param>
/// <param name="PeakIbmn">Largest IBMn of the episode, °C.</param>
/// <param name="PeakIbmx">Largest IBMx of the episode, °C.</param>
public sealed record HeatWaveEpisode(DateOnly Start, DateOnly End, DateOnly FirstHotDay, DateOnly LastHotDay, double PeakIbmn, double PeakIbmx);
