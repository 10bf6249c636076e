namespace UrbanSensing.Firmware;

/// <summary>The device's link to the broker.</summary>
public interface IDeviceTransport
{
    Task ConnectAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Publishes one telemetry message. Completes only once the broker has acknowledged it, and throws otherwise,
    /// so that the caller keeps the message and tries again.
    /// </summary>
    Task PublishTelemetryAsync(ReadOnlyMemory<byte> payload, string contentType, CancellationToken cancellationToken = default);

    Task DisconnectAsync(CancellationToken cancellationToken = default);
}
