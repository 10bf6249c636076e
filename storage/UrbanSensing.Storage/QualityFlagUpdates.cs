using System.Globalization;
using UrbanSensing.Protocol;

namespace UrbanSensing.Storage;

/// <summary>What every store checks before <see cref="IReadingStore.SetQualityFlagsAsync"/> changes anything.</summary>
public static class QualityFlagUpdates
{
    private static readonly QualityFlags Defined = Enum.GetValues<QualityFlags>().Aggregate(QualityFlags.None, (all, flag) => all | flag);

    /// <summary>
    /// The flags a quality-control pass may own: every defined flag but <see cref="QualityFlags.Unregistered"/>, which
    /// ingestion sets once, when the reading is stored, from the registry as it stood then.
    /// </summary>
    public static QualityFlags Ownable { get; } = Defined & ~QualityFlags.Unregistered;

    /// <exception cref="ArgumentNullException"><paramref name="updates"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="owned"/> is empty or holds a flag outside <see cref="Ownable"/>, an update has no device id,
    /// sensor or quantity, or two updates name the same reading.
    /// </exception>
    public static void ThrowIfInvalid(IReadOnlyList<QualityFlagUpdate> updates, QualityFlags owned)
    {
        ArgumentNullException.ThrowIfNull(updates);
        if (owned == QualityFlags.None)
        {
            throw new ArgumentException("owned names no flag, so the updates would change nothing.", nameof(owned));
        }

        if (owned.HasFlag(QualityFlags.Unregistered))
        {
            throw new ArgumentException(
                "owned holds Unregistered, which ingestion sets when it stores a reading; quality control cannot own it.",
                nameof(owned));
        }

        if ((owned & ~Defined) != 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"owned holds bits that QualityFlags does not define: 0x{(int)(owned & ~Defined):X}."),
                nameof(owned));
        }

        var positions = new Dictionary<(string DeviceId, string Sensor, string Quantity, long Microseconds), int>(updates.Count);
        for (var position = 0; position < updates.Count; position++)
        {
            var update = updates[position];
            var missing = string.IsNullOrEmpty(update.DeviceId) ? "device id"
                : string.IsNullOrEmpty(update.Sensor) ? "sensor"
                : update.Quantity is null ? "quantity"
                : null;
            if (missing is not null)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"update {position} has no {missing}; nothing was changed."),
                    nameof(updates));
            }

            var key = (update.DeviceId, update.Sensor, update.Quantity!.Name, update.Timestamp.UtcTicks / TimeSpan.TicksPerMicrosecond);
            if (!positions.TryAdd(key, position))
            {
                throw new ArgumentException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"updates {positions[key]} and {position} both name the reading of device '{update.DeviceId}', sensor '{update.Sensor}', quantity '{update.Quantity.Name}' at {update.Timestamp:O}; nothing was changed."),
                    nameof(updates));
            }
        }
    }
}
