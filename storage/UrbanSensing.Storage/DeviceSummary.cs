using UrbanSensing.Protocol;

namespace UrbanSensing.Storage;

/// <param name="State">The last announced state, when the device announced one.</param>
/// <param name="LastSeen">Device time of its most recent stored reading, when it has one.</param>
public sealed record DeviceSummary(
    string DeviceId,
    string? Site,
    double? Latitude,
    double? Longitude,
    DeviceState? State,
    DateTimeOffset? LastSeen);
