using System.Diagnostics.CodeAnalysis;

namespace UrbanSensing.Protocol;

/// <summary>
/// MQTT topic scheme: one topic per device and purpose under <c>urbansensing/v1/devices/{device}/</c>:
/// <c>telemetry</c> (SenML readings, QoS 1), <c>status</c> (retained <see cref="DeviceStatus"/>, also the last will)
/// and <c>config</c> (configuration sent to the device).
/// </summary>
public static class Topics
{
    public const string Root = "urbansensing/v1/devices";
    public const string TelemetryLeaf = "telemetry";
    public const string StatusLeaf = "status";
    public const string ConfigurationLeaf = "config";

    /// <summary>Subscription filter for the telemetry of every device.</summary>
    public const string AllTelemetry = Root + "/+/" + TelemetryLeaf;

    /// <summary>Subscription filter for the status of every device.</summary>
    public const string AllStatus = Root + "/+/" + StatusLeaf;

    public static string Telemetry(string deviceId) => ForDevice(deviceId, TelemetryLeaf);

    public static string Status(string deviceId) => ForDevice(deviceId, StatusLeaf);

    public static string Configuration(string deviceId) => ForDevice(deviceId, ConfigurationLeaf);

    /// <summary>Splits a device topic into device id and leaf; false for any topic outside the scheme.</summary>
    public static bool TryParse(string topic, [NotNullWhen(true)] out string? deviceId, [NotNullWhen(true)] out string? leaf)
    {
        ArgumentNullException.ThrowIfNull(topic);
        deviceId = null;
        leaf = null;
        if (!topic.StartsWith(Root + "/", StringComparison.Ordinal))
        {
            return false;
        }

        var rest = topic.AsSpan(Root.Length + 1);
        var slash = rest.IndexOf('/');
        if (slash <= 0 || rest[(slash + 1)..].Contains('/') || !Identifiers.IsValid(rest[..slash]))
        {
            return false;
        }

        deviceId = rest[..slash].ToString();
        leaf = rest[(slash + 1)..].ToString();
        return leaf is TelemetryLeaf or StatusLeaf or ConfigurationLeaf;
    }

    private static string ForDevice(string deviceId, string leaf)
    {
        if (!Identifiers.IsValid(deviceId))
        {
            throw new ArgumentException(Identifiers.Describe(deviceId), nameof(deviceId));
        }

        return $"{Root}/{deviceId}/{leaf}";
    }
}
