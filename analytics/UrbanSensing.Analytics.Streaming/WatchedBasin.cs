using UrbanSensing.Analytics.Rain;

namespace UrbanSensing.Analytics.Streaming;

/// <summary>A retention basin or swale whose water level a channel measures.</summary>
/// <param name="Id">The basin's id, the subject of its events.</param>
/// <param name="DeviceId">The device whose <c>water-level</c> readings (m) measure it.</param>
/// <param name="Sensor">The sensor of that device, its level on the datum of the stage-storage table.</param>
/// <param name="Storage">Its stage-storage curve, overflow level and warning fraction.</param>
public sealed record WatchedBasin(string Id, string DeviceId, string Sensor, RetentionStorage Storage);
