using UrbanSensing.Protocol;

namespace UrbanSensing.Firmware;

/// <summary>One value from one read of a sensor, in the quantity's unit.</summary>
public readonly record struct SensorSample(Quantity Quantity, double Value);
