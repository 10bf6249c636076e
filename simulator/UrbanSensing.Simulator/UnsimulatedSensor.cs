namespace UrbanSensing.Simulator;

/// <summary>A sensor the registry lists on a simulated device and the simulator cannot simulate: it gives no readings.</summary>
/// <param name="Reason">Why, in words for the log.</param>
public sealed record UnsimulatedSensor(string DeviceId, string SensorName, string Reason);
