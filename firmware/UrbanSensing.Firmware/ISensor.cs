using UrbanSensing.Protocol;

namespace UrbanSensing.Firmware;

/// <summary>A sensor part on the device, read once per sampling round.</summary>
public interface ISensor
{
    /// <summary>The part name (for example <c>sht31</c>); it becomes the sensor segment of each reading's SenML name.</summary>
    string Id { get; }

    /// <summary>The quantities one read returns.</summary>
    IReadOnlyList<Quantity> Quantities { get; }

    /// <summary>Reads the part once.</summary>
    /// <exception cref="SensorReadException">The read failed; the part never answers with a stale value or NaN instead.</exception>
    ValueTask<IReadOnlyList<SensorSample>> ReadAsync(CancellationToken cancellationToken = default);
}
