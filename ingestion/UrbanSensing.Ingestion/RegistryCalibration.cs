using UrbanSensing.Protocol;
using UrbanSensing.Registry;

namespace UrbanSensing.Ingestion;

/// <summary>
/// Applies the registry to decoded telemetry: a reading of a device, sensor and quantity the registry lists at the
/// reading's time is calibrated (raw × factor + offset); any other reading is kept as it came and flagged
/// <see cref="QualityFlags.Unregistered"/>, so a device installed before the registry knows it loses nothing.
/// </summary>
public sealed class RegistryCalibration(SensorRegistry registry)
{
    public DecodedMessage Apply(DecodedMessage decoded)
    {
        if (decoded is not TelemetryMessage telemetry)
        {
            return decoded;
        }

        var readings = Calibrate(telemetry.Readings);
        return ReferenceEquals(readings, telemetry.Readings) ? telemetry : telemetry with { Readings = readings };
    }

    private IReadOnlyList<Reading> Calibrate(IReadOnlyList<Reading> readings)
    {
        // Most readings come out unchanged (registered, no correction): a new list only when one changes.
        Reading[]? changed = null;
        for (var index = 0; index < readings.Count; index++)
        {
            var reading = readings[index];
            var calibrated = registry.TryGetCalibration(reading.DeviceId, reading.Sensor, reading.Quantity, reading.Timestamp, out var calibration)
                ? (calibration == Calibration.Identity ? reading : reading with { Value = calibration.Apply(reading.Value) })
                : reading with { Flags = reading.Flags | QualityFlags.Unregistered };
            if (changed is null && calibrated != reading)
            {
                changed = [.. readings];
            }

            if (changed is not null)
            {
                changed[index] = calibrated;
            }
        }

        return changed ?? readings;
    }
}
