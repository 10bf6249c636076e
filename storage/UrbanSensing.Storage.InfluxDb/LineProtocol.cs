using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using UrbanSensing.Protocol;

namespace UrbanSensing.Storage.InfluxDb;

/// <summary>
/// Writes readings as InfluxDB line protocol, UTF-8, straight into the caller's buffer: nothing is allocated per
/// reading, so one buffer reused across batches carries a batch of any size without garbage.
/// </summary>
/// <remarks>
/// Measurements, tag keys and field keys are the constants below, none of which needs escaping. Tag values escape
/// comma, equals sign and space with a backslash. A backslash in a tag value is refused: InfluxDB 1.x keeps <c>\\</c>
/// as two backslashes where VictoriaMetrics and InfluxDB 2.x read one, so no spelling round-trips everywhere.
/// </remarks>
internal static class LineProtocol
{
    /// <summary>The first instant InfluxDB can store, 1677-09-21T00:12:43.145224194Z, in nanoseconds since the Unix epoch.</summary>
    public const long MinNanoseconds = long.MinValue + 2;

    /// <summary>The last instant InfluxDB can store, 2262-04-11T23:47:16.854775806Z, in nanoseconds since the Unix epoch.</summary>
    public const long MaxNanoseconds = long.MaxValue - 1;

    private const long NanosecondsPerTick = 100;

    // Measurement, tag keys with their separators, the three fields and the timestamp, each at its longest.
    private const int LongestLineWithoutTagValues = 192;

    // " qc=", the flags, "i ", the timestamp and the line feed, each at its longest.
    private const int LongestFlagsLineWithoutKey = 48;

    // UTF-8 takes at most 3 bytes per UTF-16 code unit; an escaped character takes 2.
    private const int MaxBytesPerChar = 3;

    private static readonly SearchValues<char> Escaped = SearchValues.Create(", =");
    private static readonly SearchValues<char> Refused = SearchValues.Create("\\\n\r");

    public static string Measurement(Domain domain) => domain switch
    {
        Domain.Air => "air",
        Domain.Water => "water",
        Domain.Rain => "rain",
        Domain.Surface => "surface",
        _ => throw new ArgumentOutOfRangeException(nameof(domain), domain, "Unknown domain."),
    };

    /// <summary>The instant in nanoseconds since the Unix epoch, InfluxDB's timestamp.</summary>
    /// <exception cref="ArgumentOutOfRangeException">InfluxDB cannot store the instant.</exception>
    public static long ToUnixNanoseconds(DateTimeOffset timestamp) =>
        TryToUnixNanoseconds(timestamp, out var nanoseconds)
            ? nanoseconds
            : throw new ArgumentOutOfRangeException(
                nameof(timestamp),
                timestamp,
                "InfluxDB stores instants from 1677-09-21T00:12:43Z to 2262-04-11T23:47:16Z only.");

    /// <summary>The instant in nanoseconds since the Unix epoch; false when InfluxDB cannot store it.</summary>
    public static bool TryToUnixNanoseconds(DateTimeOffset timestamp, out long nanoseconds)
    {
        var ticks = timestamp.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        nanoseconds = ticks * NanosecondsPerTick;
        return ticks >= MinNanoseconds / NanosecondsPerTick && ticks <= MaxNanoseconds / NanosecondsPerTick;
    }

    /// <summary>
    /// The series key of a stored point, <c>measurement,key=value,…</c> with its tags in key order, escaped; tags with
    /// an empty value are ones the point does not have (how <c>GROUP BY *</c> lists them) and are left out.
    /// </summary>
    /// <exception cref="InvalidOperationException">A tag holds a backslash or a line break, which the store cannot write back (see the remarks).</exception>
    public static string SeriesKey(string measurement, IEnumerable<KeyValuePair<string, string>> tags)
    {
        var key = new StringBuilder(measurement);
        foreach (var (name, value) in tags.Where(tag => tag.Value.Length > 0).OrderBy(tag => tag.Key, StringComparer.Ordinal))
        {
            if (name.AsSpan().IndexOfAny(Refused) >= 0 || value.AsSpan().IndexOfAny(Refused) >= 0)
            {
                throw new InvalidOperationException(
                    $"The store holds a point in measurement '{measurement}' whose tag '{name}' = '{value}' holds a backslash or a line break, which the store cannot write back.");
            }

            key.Append(',');
            AppendEscaped(key, name);
            key.Append('=');
            AppendEscaped(key, value);
        }

        return key.ToString();
    }

    /// <summary>Appends a line that sets the <c>qc</c> field of the point of <paramref name="seriesKey"/> at that time, ending with a line feed.</summary>
    public static void WriteFlags(IBufferWriter<byte> output, string seriesKey, QualityFlags flags, long nanoseconds)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(seriesKey);
        var line = output.GetSpan(checked((MaxBytesPerChar * seriesKey.Length) + LongestFlagsLineWithoutKey));
        var length = Encoding.UTF8.GetBytes(seriesKey, line);
        length = Append(line, length, " qc=");
        ((int)flags).TryFormat(line[length..], out var written, default, CultureInfo.InvariantCulture);
        length += written;
        line[length++] = (byte)'i';
        line[length++] = (byte)' ';
        nanoseconds.TryFormat(line[length..], out written, default, CultureInfo.InvariantCulture);
        length += written;
        line[length++] = (byte)'\n';
        output.Advance(length);
    }

    /// <summary>Appends the reading as one line, ending with a line feed.</summary>
    /// <exception cref="ArgumentException">The reading cannot be written: an empty or refused tag value, a value that is not finite, an instant out of range.</exception>
    public static void Write(IBufferWriter<byte> output, in Reading reading, DeviceTags? tags)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!double.IsFinite(reading.Value))
        {
            throw new ArgumentException(
                $"The reading of device '{reading.DeviceId}', sensor '{reading.Sensor}' at {reading.Timestamp:O} has the value {reading.Value}, which line protocol cannot carry.",
                nameof(reading));
        }

        var timestamp = ToUnixNanoseconds(reading.Timestamp);
        var site = Optional(tags?.Site);
        var district = Optional(tags?.District);
        var localClimateZone = Optional(tags?.LocalClimateZone);
        var tagChars = (long)(reading.DeviceId?.Length ?? 0) + (reading.Sensor?.Length ?? 0) + reading.Quantity.Name.Length
            + (site?.Length ?? 0) + (district?.Length ?? 0) + (localClimateZone?.Length ?? 0);
        var line = output.GetSpan(checked(LongestLineWithoutTagValues + (int)(MaxBytesPerChar * tagChars)));

        // Tags in key order, as InfluxDB keeps them, so it need not sort them on every point.
        var length = Append(line, 0, Measurement(reading.Quantity.Domain));
        length = AppendTag(line, length, ",device=", reading.DeviceId, reading);
        if (district is not null)
        {
            length = AppendTag(line, length, ",district=", district, reading);
        }

        if (localClimateZone is not null)
        {
            length = AppendTag(line, length, ",lcz=", localClimateZone, reading);
        }

        length = AppendTag(line, length, ",quantity=", reading.Quantity.Name, reading);
        length = AppendTag(line, length, ",sensor=", reading.Sensor, reading);
        if (site is not null)
        {
            length = AppendTag(line, length, ",site=", site, reading);
        }

        length = Append(line, length, " value=");
        reading.Value.TryFormat(line[length..], out var written, "R", CultureInfo.InvariantCulture);
        length += written;

        length = Append(line, length, ",qc=");
        ((int)reading.Flags).TryFormat(line[length..], out written, default, CultureInfo.InvariantCulture);
        length += written;
        line[length++] = (byte)'i';

        if (reading.Sequence is { } sequence)
        {
            length = Append(line, length, ",seq=");
            sequence.TryFormat(line[length..], out written, default, CultureInfo.InvariantCulture);
            length += written;
            line[length++] = (byte)'i';
        }

        line[length++] = (byte)' ';
        timestamp.TryFormat(line[length..], out written, default, CultureInfo.InvariantCulture);
        length += written;
        line[length++] = (byte)'\n';

        output.Advance(length);
    }

    private static void AppendEscaped(StringBuilder key, string text)
    {
        foreach (var character in text)
        {
            if (Escaped.Contains(character))
            {
                key.Append('\\');
            }

            key.Append(character);
        }
    }

    private static string? Optional(string? tagValue) => string.IsNullOrEmpty(tagValue) ? null : tagValue;

    private static int Append(Span<byte> line, int length, string ascii)
    {
        foreach (var character in ascii)
        {
            line[length++] = (byte)character;
        }

        return length;
    }

    private static int AppendTag(Span<byte> line, int length, string prefix, string? value, in Reading reading)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException(
                $"The reading of device '{reading.DeviceId}', sensor '{reading.Sensor}' has an empty tag '{prefix[1..^1]}'; line protocol has no empty tag values.",
                nameof(reading));
        }

        if (value.AsSpan().IndexOfAny(Refused) >= 0)
        {
            throw new ArgumentException(
                $"The reading of device '{reading.DeviceId}', sensor '{reading.Sensor}' has the tag '{prefix[1..^1]}' = '{value}', which holds a backslash or a line break; tag values must not.",
                nameof(reading));
        }

        length = Append(line, length, prefix);
        var remaining = value.AsSpan();
        while (true)
        {
            var special = remaining.IndexOfAny(Escaped);
            var plain = special < 0 ? remaining : remaining[..special];
            if (Utf8.FromUtf16(plain, line[length..], out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
            {
                throw new ArgumentException(
                    $"The reading of device '{reading.DeviceId}', sensor '{reading.Sensor}' has the tag '{prefix[1..^1]}' with invalid UTF-16 text.",
                    nameof(reading));
            }

            length += written;
            if (special < 0)
            {
                return length;
            }

            line[length++] = (byte)'\\';
            line[length++] = (byte)remaining[special];
            remaining = remaining[(special + 1)..];
        }
    }
}
