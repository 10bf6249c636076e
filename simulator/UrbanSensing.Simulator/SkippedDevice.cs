namespace UrbanSensing.Simulator;

/// <summary>A registry device the fleet does not simulate, because it has no sensor the simulator can simulate.</summary>
/// <param name="Reason">Why, sensor by sensor, in words for the log.</param>
public sealed record SkippedDevice(string DeviceId, string Reason);
