using System.Text;
using UrbanSensing.Protocol;

namespace UrbanSensing.Storage.Spill;

/// <summary>
/// One spilled batch in one file. Written to a temporary name, flushed to disk, then renamed, so a segment is
/// either whole or absent after a crash.
/// </summary>
internal static class SpillSegment
{
    public const string Extension = ".spill";
    public const string PartialExtension = ".partial";
    // Version 2 added the quality flags; segments of version 1, spilled before an upgrade, are still replayed.
    private const int FormatVersion = 2;
    private const int FormatVersionWithoutFlags = 1;
    private static readonly byte[] Magic = "USPL"u8.ToArray();

    public static async Task<long> WriteAsync(string path, IReadOnlyList<Reading> readings, CancellationToken cancellationToken)
    {
        var partial = path + PartialExtension;
        var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
        await using (file.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
            {
                writer.Write(Magic);
                writer.Write(FormatVersion);
                writer.Write(readings.Count);
                foreach (var reading in readings)
                {
                    writer.Write(reading.DeviceId);
                    writer.Write(reading.Sensor);
                    writer.Write(reading.Quantity.Name);
                    writer.Write(reading.Timestamp.UtcTicks);
                    writer.Write(reading.Value);
                    writer.Write(reading.Sequence.HasValue);
                    writer.Write(reading.Sequence ?? 0);
                    writer.Write((int)reading.Flags);
                }
            }

            buffer.Position = 0;
            await buffer.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            file.Flush(flushToDisk: true);
        }

        File.Move(partial, path);
        return new FileInfo(path).Length;
    }

    /// <exception cref="InvalidDataException">The file is not a spill segment this version wrote.</exception>
    public static async Task<IReadOnlyList<Reading>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        using var reader = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
        var version = reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) ? reader.ReadInt32() : 0;
        if (version is not (FormatVersion or FormatVersionWithoutFlags))
        {
            throw new InvalidDataException($"{path} is not a spill segment of format {FormatVersionWithoutFlags} or {FormatVersion}");
        }

        var readings = new Reading[reader.ReadInt32()];
        for (var index = 0; index < readings.Length; index++)
        {
            var deviceId = reader.ReadString();
            var sensor = reader.ReadString();
            var quantityName = reader.ReadString();
            var ticks = reader.ReadInt64();
            var value = reader.ReadDouble();
            var hasSequence = reader.ReadBoolean();
            var sequence = reader.ReadInt64();
            var flags = version == FormatVersion ? (QualityFlags)reader.ReadInt32() : QualityFlags.None;
            if (!Quantities.TryGet(quantityName, out var quantity))
            {
                throw new InvalidDataException($"{path}: unknown quantity '{quantityName}'");
            }

            readings[index] = new Reading(deviceId, sensor, quantity, new DateTimeOffset(ticks, TimeSpan.Zero), value, hasSequence ? sequence : null, flags);
        }

        return readings;
    }
}
