using UrbanSensing.Analytics.Rain;

namespace UrbanSensing.Analytics.Reports;

/// <summary>A retention basin or swale of a basins file: the channel that measures its water level, and its storage.</summary>
/// <param name="Sensor">The sensor of <paramref name="Device"/> whose <c>water-level</c> (m) measures it, on the stage-storage table's datum.</param>
public sealed record BasinDefinition(string Id, string Device, string Sensor, RetentionStorage Storage, double DesignInfiltrationMmPerHour);
