using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace UrbanSensing.Protocol.LineProtocol;

/// <summary>
/// Readings from InfluxDB line protocol, as Telegraf and other InfluxDB clients write it:
/// <c>measurement[,tag=value...] field=value[,field=value...] [timestamp]</c>, one point per line, the timestamp in
/// nanoseconds since the Unix epoch. The measurement names nothing here. Tags <c>device</c> (the topic's device when
/// absent), <c>sensor</c> (<see cref="DefaultSensor"/> when absent) and <c>unit</c> (the quantity's own unit when
/// absent) apply to every field of the line; each field is named after the quantity it carries, or a
/// <c>quantity</c> tag names it and a single <c>value</c> field carries it. Other tags are ignored; any other field,
/// and a string or boolean value, rejects the payload. protocol/README.md has examples.
/// </summary>
public static class LineProtocolReadings
{
    public const string ContentType = "application/vnd.influxdb.line-protocol";
    public const string PlainTextContentType = "text/plain";
    public const string DeviceTag = "device";
    public const string SensorTag = "sensor";
    public const string QuantityTag = "quantity";
    public const string UnitTag = "unit";
    public const string ValueField = "value";

    /// <summary>The sensor of readings whose line has no <c>sensor</c> tag.</summary>
    public const string DefaultSensor = "lp";

    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    /// <summary>
    /// Whether a telemetry payload is line protocol: by content type when there is one (<c>text/plain</c> or
    /// <see cref="ContentType"/>; any other is SenML), otherwise when it starts neither like a SenML JSON array ('[')
    /// nor like a SenML CBOR array (major type 4).
    /// </summary>
    public static bool IsLineProtocol(ReadOnlySpan<byte> payload, string? contentType)
    {
        if (!string.IsNullOrWhiteSpace(contentType))
        {
            var mediaType = contentType.AsSpan();
            var parameters = mediaType.IndexOf(';');
            mediaType = (parameters < 0 ? mediaType : mediaType[..parameters]).Trim();
            return mediaType.Equals(ContentType, StringComparison.OrdinalIgnoreCase)
                || mediaType.Equals(PlainTextContentType, StringComparison.OrdinalIgnoreCase);
        }

        var text = payload.TrimStart(" \t\r\n"u8);
        return !text.IsEmpty && text[0] != (byte)'[' && payload[0] is not (>= 0x80 and <= 0x9f);
    }

    /// <summary>The readings of a line-protocol payload published on the topic of <paramref name="deviceId"/>.</summary>
    /// <param name="receivedAt">The time of lines without a timestamp.</param>
    /// <exception cref="LineProtocolFormatException">A line is not valid; the message says which, where and why.</exception>
    public static IReadOnlyList<Reading> FromPayload(ReadOnlySpan<byte> payload, string deviceId, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(deviceId);
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(payload.Length, 1));
        try
        {
            var status = Utf8.ToUtf16(payload, buffer, out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                throw NotUtf8(payload, bytesRead);
            }

            return Parse(buffer.AsSpan(0, charsWritten), deviceId, receivedAt);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static List<Reading> Parse(ReadOnlySpan<char> text, string deviceId, DateTimeOffset receivedAt)
    {
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        var readings = new List<Reading>();
        var fields = new List<Field>();
        var context = new LineContext(deviceId, receivedAt, readings, fields);
        var lineNumber = 0;
        foreach (var range in text.Split('\n'))
        {
            lineNumber++;
            var line = text[range];
            if (line.EndsWith('\r'))
            {
                line = line[..^1];
            }

            ParseLine(line, lineNumber, ref context);
        }

        return readings.Count > 0
            ? readings
            : throw new LineProtocolFormatException("the payload holds no point: every line is empty or a comment", 1, 1);
    }

    private static void ParseLine(ReadOnlySpan<char> line, int lineNumber, ref LineContext context)
    {
        var position = SkipSpaces(line, 0);
        if (position == line.Length || line[position] == '#')
        {
            return;
        }

        var measurement = ScanElement(line, ref position, stopAtEquals: false);
        if (measurement.Length == 0)
        {
            throw Error("a point starts with its measurement name", lineNumber, measurement);
        }

        var tags = ScanTags(line, lineNumber, ref position);
        position = SkipSpaces(line, position);
        if (position == line.Length)
        {
            throw new LineProtocolFormatException("the point has no field: a field set follows the measurement and tags after a space", lineNumber, line.Length + 1);
        }

        context.Fields.Clear();
        ScanFields(line, lineNumber, ref position, context.Fields);
        var timestamp = ScanTimestamp(line, lineNumber, ref position) ?? context.ReceivedAt;
        AddReadings(line, lineNumber, tags, timestamp, ref context);
    }

    private static Tags ScanTags(ReadOnlySpan<char> line, int lineNumber, ref int position)
    {
        var tags = default(Tags);
        while (position < line.Length && line[position] == ',')
        {
            position++;
            var key = ScanElement(line, ref position, stopAtEquals: true);
            if (key.Length == 0)
            {
                throw Error("a tag key is empty", lineNumber, key);
            }

            if (position == line.Length || line[position] != '=')
            {
                throw Error($"the tag '{key.Text(line)}' has no '=' and value", lineNumber, key);
            }

            position++;
            var value = ScanElement(line, ref position, stopAtEquals: true);
            if (value.Length == 0)
            {
                throw Error($"the tag '{key.Text(line)}' has an empty value", lineNumber, value);
            }

            if (position < line.Length && line[position] == '=')
            {
                throw new LineProtocolFormatException($"the value of tag '{key.Text(line)}' holds an '=' that is not escaped ('\\=')", lineNumber, position + 1);
            }

            tags = tags.With(key.Text(line), value, lineNumber, key);
        }

        return tags;
    }

    private static void ScanFields(ReadOnlySpan<char> line, int lineNumber, ref int position, List<Field> fields)
    {
        while (true)
        {
            var key = ScanElement(line, ref position, stopAtEquals: true);
            if (key.Length == 0)
            {
                throw Error("a field key is empty", lineNumber, key);
            }

            if (position == line.Length || line[position] != '=')
            {
                throw Error($"the field '{key.Text(line)}' has no '=' and value", lineNumber, key);
            }

            position++;
            fields.Add(ScanFieldValue(line, lineNumber, ref position, key));
            if (position == line.Length || line[position] != ',')
            {
                return;
            }

            position++;
        }
    }

    private static Field ScanFieldValue(ReadOnlySpan<char> line, int lineNumber, ref int position, Token key)
    {
        var start = position;
        if (position < line.Length && line[position] == '"')
        {
            position++;
            while (position < line.Length && line[position] != '"')
            {
                position += line[position] == '\\' && position + 1 < line.Length && line[position + 1] is '"' or '\\' ? 2 : 1;
            }

            if (position == line.Length)
            {
                throw new LineProtocolFormatException($"the string value of field '{key.Text(line)}' has no closing '\"'", lineNumber, start + 1);
            }

            position++;
            return new Field(key, FieldKind.String, 0, start);
        }

        while (position < line.Length && line[position] is not (',' or ' '))
        {
            position++;
        }

        var text = line[start..position];
        if (text.IsEmpty)
        {
            throw new LineProtocolFormatException($"the field '{key.Text(line)}' has no value", lineNumber, start + 1);
        }

        return TryParseValue(text, out var kind, out var number)
            ? new Field(key, kind, number, start)
            : throw new LineProtocolFormatException(
                $"the value '{text}' of field '{key.Text(line)}' is not a float, an integer ('i'), an unsigned integer ('u'), a boolean or a string",
                lineNumber,
                start + 1);
    }

    /// <returns>The timestamp, or null when the line has none.</returns>
    private static DateTimeOffset? ScanTimestamp(ReadOnlySpan<char> line, int lineNumber, ref int position)
    {
        position = SkipSpaces(line, position);
        if (position == line.Length)
        {
            return null;
        }

        var start = position;
        while (position < line.Length && line[position] != ' ')
        {
            position++;
        }

        var text = line[start..position];
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var nanoseconds))
        {
            throw new LineProtocolFormatException($"the timestamp '{text}' is not a whole number of nanoseconds since 1970-01-01T00:00:00Z", lineNumber, start + 1);
        }

        if (nanoseconds < 0)
        {
            throw new LineProtocolFormatException($"the timestamp {nanoseconds} is before 1970", lineNumber, start + 1);
        }

        if (SkipSpaces(line, position) < line.Length)
        {
            throw new LineProtocolFormatException("unexpected text after the timestamp", lineNumber, SkipSpaces(line, position) + 1);
        }

        // Readings keep microseconds, as devices do: the nanoseconds below are truncated.
        return DateTimeOffset.UnixEpoch.AddTicks(nanoseconds / 1000 * TicksPerMicrosecond);
    }

    private static void AddReadings(ReadOnlySpan<char> line, int lineNumber, Tags tags, DateTimeOffset timestamp, ref LineContext context)
    {
        var deviceId = Identifier(line, lineNumber, tags.Device, DeviceTag, context.DeviceId, context.DeviceId);
        var sensor = Identifier(line, lineNumber, tags.Sensor, SensorTag, DefaultSensor, context.LastSensor);
        context.LastSensor = sensor;
        var unit = tags.Unit is { } unitTag ? unitTag.Text(line).ToString() : null;
        var fields = context.Fields;

        if (tags.Quantity is { } quantityTag)
        {
            var quantity = FindQuantity(line, lineNumber, quantityTag, string.Empty);
            foreach (var field in fields)
            {
                if (!field.Key.Text(line).SequenceEqual(ValueField))
                {
                    throw Error($"with a 'quantity' tag the point carries one field, '{ValueField}'; '{field.Key.Text(line)}' is not expected", lineNumber, field.Key);
                }
            }

            if (fields.Count > 1)
            {
                throw Error($"the field '{ValueField}' appears twice in the point", lineNumber, fields[1].Key);
            }

            context.Readings.Add(ToReading(line, lineNumber, fields[0], quantity, unit, tags.Unit, deviceId, sensor, timestamp));
            return;
        }

        var first = context.Readings.Count;
        foreach (var field in fields)
        {
            var quantity = FindQuantity(
                line,
                lineNumber,
                field.Key,
                $" (a field is named after the quantity it carries, or a '{QuantityTag}' tag names it and a '{ValueField}' field carries it)");
            for (var index = first; index < context.Readings.Count; index++)
            {
                if (context.Readings[index].Quantity == quantity)
                {
                    throw Error($"the field '{quantity.Name}' appears twice in the point", lineNumber, field.Key);
                }
            }

            context.Readings.Add(ToReading(line, lineNumber, field, quantity, unit, tags.Unit, deviceId, sensor, timestamp));
        }
    }

    private static Reading ToReading(
        ReadOnlySpan<char> line,
        int lineNumber,
        Field field,
        Quantity quantity,
        string? unit,
        Token? unitTag,
        string deviceId,
        string sensor,
        DateTimeOffset timestamp)
    {
        if (field.Kind is FieldKind.String or FieldKind.Boolean)
        {
            var found = field.Kind == FieldKind.String ? "a string" : "a boolean";
            throw new LineProtocolFormatException($"{quantity.Name} needs a numeric value, not {found}", lineNumber, field.ValueStart + 1);
        }

        var value = field.Number;
        if (unit is not null)
        {
            if (!UnitConversions.TryFind(quantity, unit, out var conversion, out var reason))
            {
                throw Error(reason, lineNumber, unitTag!.Value, PayloadErrorKind.UnknownUnit);
            }

            value = conversion.Apply(value);
        }

        return new Reading(deviceId, sensor, quantity, timestamp, value, Sequence: null);
    }

    private static Quantity FindQuantity(ReadOnlySpan<char> line, int lineNumber, Token name, string hint)
    {
        var text = name.Text(line);
        return Quantities.TryGet(text, out var quantity)
            ? quantity
            : throw Error($"unknown quantity '{text}'; known quantities: {Quantities.KnownNames}{hint}", lineNumber, name, PayloadErrorKind.UnknownQuantity);
    }

    /// <summary>The identifier a tag gives, or <paramref name="absent"/>; reuses <paramref name="known"/> when it is the same.</summary>
    private static string Identifier(ReadOnlySpan<char> line, int lineNumber, Token? tag, string tagName, string absent, string known)
    {
        if (tag is not { } token)
        {
            return absent;
        }

        var text = token.Text(line);
        if (text.SequenceEqual(known))
        {
            return known;
        }

        return Identifiers.IsValid(text)
            ? text.ToString()
            : throw Error($"{tagName} {Identifiers.Describe(text.ToString())}", lineNumber, token);
    }

    /// <summary>Measurement, tag key, tag value or field key: up to an unescaped ',' or ' ' (and '=' where asked).</summary>
    private static Token ScanElement(ReadOnlySpan<char> line, ref int position, bool stopAtEquals)
    {
        var start = position;
        var escaped = false;
        while (position < line.Length)
        {
            var character = line[position];
            if (character == '\\' && position + 1 < line.Length && IsEscapable(line[position + 1]))
            {
                escaped = true;
                position += 2;
                continue;
            }

            if (character is ',' or ' ' || (stopAtEquals && character == '='))
            {
                break;
            }

            position++;
        }

        return new Token(start, position - start, escaped);
    }

    /// <summary>
    /// The line protocol escapes commas, spaces and equals signs in names and tag values with a backslash, and a
    /// backslash with another; any other backslash stands for itself.
    /// </summary>
    private static bool IsEscapable(char character) => character is ',' or ' ' or '=' or '\\';

    private static int SkipSpaces(ReadOnlySpan<char> line, int position)
    {
        while (position < line.Length && line[position] is ' ' or '\t')
        {
            position++;
        }

        return position;
    }

    private static bool TryParseValue(ReadOnlySpan<char> text, out FieldKind kind, out double number)
    {
        number = 0;
        switch (text[^1])
        {
            case 'i' when long.TryParse(text[..^1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer):
                kind = FieldKind.Integer;
                number = integer;
                return true;
            case 'u' when ulong.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var unsigned):
                kind = FieldKind.Integer;
                number = unsigned;
                return true;
        }

        if (text is "t" or "T" or "true" or "True" or "TRUE" or "f" or "F" or "false" or "False" or "FALSE")
        {
            kind = FieldKind.Boolean;
            return true;
        }

        kind = FieldKind.Float;
        return (char.IsAsciiDigit(text[0]) || text[0] is '-' or '+' or '.')
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number)
            && double.IsFinite(number);
    }

    private static LineProtocolFormatException NotUtf8(ReadOnlySpan<byte> payload, int invalidAt)
    {
        var before = payload[..invalidAt];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return new LineProtocolFormatException(
            $"the payload is not UTF-8 text: byte 0x{payload[invalidAt]:X2} (payload byte {invalidAt}) starts no valid character",
            before.Count((byte)'\n') + 1,
            Encoding.UTF8.GetCharCount(before[lineStart..]) + 1);
    }

    private static LineProtocolFormatException Error(string reason, int lineNumber, Token token, PayloadErrorKind kind = PayloadErrorKind.Malformed) =>
        new(reason, lineNumber, token.Start + 1, kind);

    private enum FieldKind
    {
        Float,
        Integer,
        Boolean,
        String,
    }

    /// <summary>A measurement, key or tag value: where it is in its line, and whether it holds escapes to undo.</summary>
    private readonly record struct Token(int Start, int Length, bool Escaped)
    {
        public ReadOnlySpan<char> Text(ReadOnlySpan<char> line)
        {
            var raw = line.Slice(Start, Length);
            return Escaped ? Unescape(raw) : raw;
        }

        private static string Unescape(ReadOnlySpan<char> raw)
        {
            var builder = new StringBuilder(raw.Length);
            for (var index = 0; index < raw.Length; index++)
            {
                if (raw[index] == '\\' && index + 1 < raw.Length && IsEscapable(raw[index + 1]))
                {
                    index++;
                }

                builder.Append(raw[index]);
            }

            return builder.ToString();
        }
    }

    private readonly record struct Field(Token Key, FieldKind Kind, double Number, int ValueStart);

    /// <summary>The values of the tags that mean something here; a tag given twice is an error.</summary>
    private readonly record struct Tags(Token? Device, Token? Sensor, Token? Quantity, Token? Unit)
    {
        public Tags With(ReadOnlySpan<char> key, Token value, int lineNumber, Token keyToken) => key switch
        {
            DeviceTag => this with { Device = Once(Device, DeviceTag, value, lineNumber, keyToken) },
            SensorTag => this with { Sensor = Once(Sensor, SensorTag, value, lineNumber, keyToken) },
            QuantityTag => this with { Quantity = Once(Quantity, QuantityTag, value, lineNumber, keyToken) },
            UnitTag => this with { Unit = Once(Unit, UnitTag, value, lineNumber, keyToken) },
            _ => this,
        };

        private static Token Once(Token? current, string name, Token value, int lineNumber, Token key) =>
            current is null ? value : throw Error($"the tag '{name}' appears twice in the point", lineNumber, key);
    }

    /// <summary>What the lines of one payload share.</summary>
    private struct LineContext(string deviceId, DateTimeOffset receivedAt, List<Reading> readings, List<Field> fields)
    {
        public readonly string DeviceId => deviceId;

        public readonly DateTimeOffset ReceivedAt => receivedAt;

        public readonly List<Reading> Readings => readings;

        public readonly List<Field> Fields => fields;

        /// <summary>The sensor of the previous line, so a payload from one sensor makes its name once.</summary>
        public string LastSensor { get; set; } = DefaultSensor;
    }
}
