namespace UrbanSensing.Protocol.Senml;

/// <summary>
/// Maps readings to SenML packs and back. A reading's SenML name is <c>{device}/{sensor}/{quantity}</c>:
/// the pack's base name carries <c>{device}/</c>, each record <c>{sensor}/{quantity}</c>, its unit, its time
/// relative to the base time, its value and the UrbanSensing extension <c>seq</c>. A value sent in another unit
/// that <see cref="UnitConversions"/> knows is converted to its quantity's unit as the pack is read.
/// </summary>
public static class SenmlReadings
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    /// <summary>A pack for one device; the base time is the first reading's time.</summary>
    public static IReadOnlyList<SenmlRecord> ToPack(IReadOnlyList<Reading> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        if (readings.Count == 0)
        {
            throw new ArgumentException("a pack needs at least one reading", nameof(readings));
        }

        var deviceId = readings[0].DeviceId;
        var baseMicroseconds = ToUnixMicroseconds(readings[0].Timestamp);
        var records = new SenmlRecord[readings.Count];
        for (var index = 0; index < readings.Count; index++)
        {
            var reading = readings[index];
            if (reading.DeviceId != deviceId)
            {
                throw new ArgumentException($"a pack holds one device's readings, but it mixes '{deviceId}' and '{reading.DeviceId}'", nameof(readings));
            }

            var offsetMicroseconds = ToUnixMicroseconds(reading.Timestamp) - baseMicroseconds;
            records[index] = new SenmlRecord
            {
                BaseName = index == 0 ? deviceId + "/" : null,
                BaseTime = index == 0 ? baseMicroseconds / 1e6 : null,
                Name = $"{reading.Sensor}/{reading.Quantity.Name}",
                Unit = reading.Unit,
                Time = offsetMicroseconds == 0 ? null : offsetMicroseconds / 1e6,
                Value = reading.Value,
                Sequence = reading.Sequence,
            };
        }

        return records;
    }

    /// <summary>The readings of a pack; relative times are taken from <paramref name="now"/>.</summary>
    /// <exception cref="SenmlFormatException">A record is not a valid UrbanSensing reading; the message says which and why.</exception>
    public static IReadOnlyList<Reading> FromPack(IReadOnlyList<SenmlRecord> pack, DateTimeOffset now)
    {
        var resolved = SenmlResolver.ResolveInPackOrder(pack, now);
        var readings = new Reading[resolved.Count];
        for (var position = 0; position < resolved.Count; position++)
        {
            var (index, record) = resolved[position];
            readings[position] = ToReading(record, index, position > 0 ? readings[position - 1] : null);
        }

        return readings;
    }

    public static DateTimeOffset FromUnixSeconds(double seconds, int recordIndex = 0)
    {
        var microseconds = Math.Round(seconds * 1e6);
        var maximum = (DateTimeOffset.MaxValue - DateTimeOffset.UnixEpoch).Ticks / TicksPerMicrosecond;
        if (microseconds < 0 || microseconds > maximum)
        {
            throw new SenmlFormatException($"the time {seconds} s is outside the years 1970 to 9999", recordIndex, SenmlLabels.Time);
        }

        return DateTimeOffset.UnixEpoch.AddTicks((long)microseconds * TicksPerMicrosecond);
    }

    private static long ToUnixMicroseconds(DateTimeOffset timestamp) =>
        (timestamp.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TicksPerMicrosecond;

    /// <param name="previous">The pack's reading before this one: records of a pack mostly share their device and
    /// sensors, whose strings are then shared rather than made again for every record.</param>
    private static Reading ToReading(ResolvedRecord record, int index, Reading? previous)
    {
        var name = record.Name;
        var afterDevice = name.IndexOf('/', StringComparison.Ordinal);
        var afterSensor = afterDevice < 0 ? -1 : name.IndexOf('/', afterDevice + 1);
        if (afterSensor < 0 || name.IndexOf('/', afterSensor + 1) >= 0)
        {
            throw new SenmlFormatException($"the name '{name}' is not '<device>/<sensor>/<quantity>'", index, SenmlLabels.Name);
        }

        var deviceId = name.AsSpan(0, afterDevice);
        var sensor = name.AsSpan(afterDevice + 1, afterSensor - afterDevice - 1);
        var quantityName = name.AsSpan(afterSensor + 1);
        if (!Identifiers.IsValid(deviceId))
        {
            throw new SenmlFormatException($"device id {Identifiers.Describe(deviceId.ToString())}", index, SenmlLabels.Name);
        }

        if (!Identifiers.IsValid(sensor))
        {
            throw new SenmlFormatException($"sensor {Identifiers.Describe(sensor.ToString())}", index, SenmlLabels.Name);
        }

        if (!Quantities.TryGet(quantityName, out var quantity))
        {
            throw new SenmlFormatException(
                $"unknown quantity '{quantityName}'; known quantities: {Quantities.KnownNames}",
                index,
                SenmlLabels.Name,
                kind: PayloadErrorKind.UnknownQuantity);
        }

        var conversion = FindConversion(record.Unit, quantity, index);
        if (record.Value is not { } value)
        {
            throw new SenmlFormatException($"{quantity.Name} needs a numeric value ('v')", index, SenmlLabels.Value);
        }

        return new Reading(
            previous is { } before && deviceId.SequenceEqual(before.DeviceId) ? before.DeviceId : deviceId.ToString(),
            previous is { } other && sensor.SequenceEqual(other.Sensor) ? other.Sensor : sensor.ToString(),
            quantity,
            FromUnixSeconds(record.Time, index),
            conversion.Apply(value),
            record.Sequence);
    }

    private static UnitConversion FindConversion(string? unit, Quantity quantity, int index)
    {
        if (unit is null)
        {
            throw new SenmlFormatException(
                $"no unit ('u' or 'bu'); {quantity.Name} is sent in '{quantity.Unit}'",
                index,
                SenmlLabels.Unit,
                kind: PayloadErrorKind.UnknownUnit);
        }

        return UnitConversions.TryFind(quantity, unit, out var conversion, out var reason)
            ? conversion
            : throw new SenmlFormatException(reason, index, SenmlLabels.Unit, kind: PayloadErrorKind.UnknownUnit);
    }
}
