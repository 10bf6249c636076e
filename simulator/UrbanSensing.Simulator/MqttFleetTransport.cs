using Microsoft.Extensions.Logging;
using UrbanSensing.Firmware;
using UrbanSensing.Firmware.Mqtt;

namespace UrbanSensing.Simulator;

/// <summary>Connects simulated devices to a real MQTT broker, each with its own client and status.</summary>
public static class MqttFleetTransport
{
    public const string FirmwareVersion = "urbansensing-simulator-1.0";

    /// <summary>A transport factory for <see cref="Fleet.Create"/>: one <see cref="MqttDeviceTransport"/> per device.</summary>
    public static Func<SimulatedDevice, IDeviceTransport> Factory(string host, int port, ILoggerFactory loggerFactory)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var logger = loggerFactory.CreateLogger<MqttDeviceTransport>();

        // The broker lives in wall-clock time, so the reconnect backoff does too, not in simulated time.
        return device => new MqttDeviceTransport(
            new MqttTransportOptions
            {
                Host = host,
                Port = port,
                DeviceId = device.Id,
                Site = device.Site.Id,
                Latitude = device.Site.Latitude,
                Longitude = device.Site.Longitude,
                FirmwareVersion = FirmwareVersion,
            },
            TimeProvider.System,
            logger);
    }
}
