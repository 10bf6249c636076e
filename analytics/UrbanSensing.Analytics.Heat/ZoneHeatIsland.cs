namespace UrbanSensing.Analytics.Heat;

/// <summary>The mean heat island of a group of sites (a local climate zone or a district) against a baseline.</summary>
/// <param name="Group">The zone's code ("2", "A") or the district's name.</param>
/// <param name="Sites">How many sites of the group have a series.</param>
/// <param name="MeanIntensity">Mean over the hours of the group's mean minus the baseline's mean, K.</param>
/// <param name="Hours">How many hours both the group and the baseline had.</param>
public sealed record ZoneHeatIsland(string Group, int Sites, double MeanIntensity, int Hours);
