namespace UrbanSensing.Analytics.Heat;

/// <summary>The strongest heat island of a night.</summary>
/// <param name="Night">The local date the night starts on: the night of 14 to 15 July is 14 July.</param>
/// <param name="MaximumIntensity">Largest hourly intensity of the night, K.</param>
/// <param name="Hour">UTC start of the hour it was reached.</param>
/// <param name="Hours">How many hours of the night both sets had.</param>
public sealed record NocturnalHeatIsland(DateOnly Night, double MaximumIntensity, DateTimeOffset Hour, int Hours);
