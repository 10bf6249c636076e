using UrbanSensing.Protocol;

namespace UrbanSensing.Analytics.Streaming;

/// <summary>The mean of one channel (device, sensor, quantity) over one UTC hour of device time.</summary>
/// <param name="Hour">The UTC instant the hour starts.</param>
/// <param name="Mean">The mean of the hour's unflagged readings, in the quantity's unit.</param>
/// <param name="Count">How many readings the mean has: fewer than usual says the hour was cut short.</param>
public readonly record struct ChannelHour(
    string DeviceId,
    string Sensor,
    Quantity Quantity,
    DateTimeOffset Hour,
    double Mean,
    int Count);
