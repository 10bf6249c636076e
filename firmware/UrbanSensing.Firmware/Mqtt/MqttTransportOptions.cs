using System.ComponentModel.DataAnnotations;

namespace UrbanSensing.Firmware.Mqtt;

/// <summary>Where the device's broker is and what the device says about itself in its status.</summary>
public sealed record MqttTransportOptions
{
    public const string SectionName = "Mqtt";

    [Required]
    public required string Host { get; init; }

    [Range(1, 65535)]
    public int Port { get; init; } = 1883;

    /// <summary>The device id, also the MQTT client id.</summary>
    [Required]
    public required string DeviceId { get; init; }

    public string? Site { get; init; }

    [Range(-90.0, 90.0)]
    public double? Latitude { get; init; }

    [Range(-180.0, 180.0)]
    public double? Longitude { get; init; }

    public string? FirmwareVersion { get; init; }
}
