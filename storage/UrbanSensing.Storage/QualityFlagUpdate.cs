using UrbanSensing.Protocol;

namespace UrbanSensing.Storage;

/// <summary>
/// The quality-control verdict on one stored reading, named by its key (device, sensor, quantity, time), as
/// <see cref="IReadingStore.SetQualityFlagsAsync"/> applies it.
/// </summary>
/// <param name="Timestamp">The reading's time, compared at microsecond resolution, as readings are stored.</param>
/// <param name="Flags">The reading's flags as the pass sees them; only the bits the pass owns count.</param>
public readonly record struct QualityFlagUpdate(
    string DeviceId,
    string Sensor,
    Quantity Quantity,
    DateTimeOffset Timestamp,
    QualityFlags Flags)
{
    /// <summary>The flags of the stored reading after the update: the owned bits from the update, every other bit as stored.</summary>
    public QualityFlags ApplyTo(QualityFlags stored, QualityFlags owned) => (stored & ~owned) | (Flags & owned);
}
