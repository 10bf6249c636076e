namespace UrbanSensing.Registry;

/// <summary>A device of the network: where it stands, when, and with which sensors.</summary>
/// <param name="Id">The device identifier of its MQTT topics and readings.</param>
/// <param name="Site">Where it stands.</param>
/// <param name="Installed">The instant it started measuring at its site.</param>
/// <param name="Removed">The instant it stopped, when it has; always later than <paramref name="Installed"/>.</param>
/// <param name="Sensors">Its sensor parts, each name once.</param>
public sealed record Device(
    string Id,
    Site Site,
    DateTimeOffset Installed,
    DateTimeOffset? Removed,
    IReadOnlyList<DeviceSensor> Sensors)
{
    /// <summary>Whether it stood at its site at <paramref name="instant"/>: from installation included to removal excluded.</summary>
    public bool IsActiveAt(DateTimeOffset instant) => instant >= Installed && (Removed is not { } removed || instant < removed);

    public DeviceSensor? FindSensor(string name) => Sensors.FirstOrDefault(sensor => sensor.Name == name);
}
