using UrbanSensing.Protocol;

namespace UrbanSensing.Storage;

/// <summary>What is known about each device: the status it last announced and when it was last heard from.</summary>
public interface IDeviceDirectory
{
    /// <summary>Records the device's latest status message (birth or last will).</summary>
    Task UpdateStatusAsync(string deviceId, DeviceStatus status, DateTimeOffset receivedAt, CancellationToken cancellationToken = default);

    /// <summary>Every device that announced a status or sent a reading, ordered by id.</summary>
    Task<IReadOnlyList<DeviceSummary>> ListDevicesAsync(CancellationToken cancellationToken = default);
}
