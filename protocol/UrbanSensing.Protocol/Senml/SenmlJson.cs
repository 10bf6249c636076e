using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace UrbanSensing.Protocol.Senml;

/// <summary>SenML JSON representation, media type <c>application/senml+json</c> (RFC 8428 section 5).</summary>
public static class SenmlJson
{
    public const string ContentType = "application/senml+json";

    // Most frequent first: the names of a typical record.
    private static readonly (byte[] Utf8, string Label)[] KnownLabels =
    [
        .. new[]
        {
            SenmlLabels.Name, SenmlLabels.Value, SenmlLabels.Time, SenmlLabels.Unit, SenmlLabels.Sequence, SenmlLabels.BaseName,
            SenmlLabels.BaseTime, SenmlLabels.BaseUnit, SenmlLabels.BaseValue, SenmlLabels.BaseSum, SenmlLabels.BaseVersion,
            SenmlLabels.StringValue, SenmlLabels.BooleanValue, SenmlLabels.DataValue, SenmlLabels.Sum, SenmlLabels.UpdateTime,
        }.Select(label => (System.Text.Encoding.UTF8.GetBytes(label), label)),
    ];

    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 8 };

    public static byte[] Encode(IReadOnlyList<SenmlRecord> pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var output = new ArrayBufferWriter<byte>(64 * (pack.Count + 1));
        Encode(pack, output);
        return output.WrittenSpan.ToArray();
    }

    public static void Encode(IReadOnlyList<SenmlRecord> pack, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(pack);
        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartArray();
        foreach (var record in pack)
        {
            WriteRecord(writer, record);
        }

        writer.WriteEndArray();
    }

    /// <exception cref="SenmlFormatException">The payload is not a SenML JSON pack.</exception>
    public static IReadOnlyList<SenmlRecord> Decode(ReadOnlySpan<byte> payload)
    {
        if (payload.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new SenmlFormatException("the payload is empty; a SenML pack is a JSON array of records", bytePosition: 0);
        }

        var reader = new Utf8JsonReader(payload, ReaderOptions);
        var records = new List<SenmlRecord>();
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new SenmlFormatException($"a SenML pack is a JSON array of records, but the payload starts with {reader.TokenType}", bytePosition: reader.TokenStartIndex);
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                records.Add(ReadRecord(ref reader, records.Count));
            }

            while (reader.Read())
            {
                // Utf8JsonReader rejects anything but whitespace after the root array.
            }
        }
        catch (JsonException exception)
        {
            throw new SenmlFormatException(
                $"malformed JSON: {exception.Message}",
                records.Count,
                null,
                reader.BytesConsumed,
                exception);
        }

        return records;
    }

    private static SenmlRecord ReadRecord(ref Utf8JsonReader reader, int recordIndex)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new SenmlFormatException($"a record is a JSON object, not {reader.TokenType}", recordIndex, bytePosition: reader.TokenStartIndex);
        }

        var builder = new SenmlRecordBuilder(recordIndex);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var label = KnownLabel(ref reader) ?? reader.GetString()!;
            reader.Read();
            var position = reader.TokenStartIndex;
            if (SenmlLabels.ToCborKey(label) is null && label != SenmlLabels.Sequence)
            {
                if (SenmlLabels.MustBeUnderstood(label))
                {
                    throw new SenmlFormatException("unknown label that must be understood (it ends with '_')", recordIndex, label, position);
                }

                reader.Skip();
                continue;
            }

            builder.Set(label, ReadValue(ref reader), position);
        }

        return builder.Build();
    }

    /// <summary>The label constant the property name spells, without allocating a string for it; null for any other name.</summary>
    private static string? KnownLabel(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            return null;
        }

        var name = reader.ValueSpan;
        foreach (var (utf8, label) in KnownLabels)
        {
            if (name.SequenceEqual(utf8))
            {
                return label;
            }
        }

        return null;
    }

    private static SenmlFieldValue ReadValue(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number => SenmlFieldValue.FromNumber(reader.GetDouble()),
        JsonTokenType.String => SenmlFieldValue.FromText(reader.GetString()!),
        JsonTokenType.True => SenmlFieldValue.FromBoolean(true),
        JsonTokenType.False => SenmlFieldValue.FromBoolean(false),
        JsonTokenType.Null => SenmlFieldValue.Other("null"),
        _ => SkipComposite(ref reader),
    };

    private static SenmlFieldValue SkipComposite(ref Utf8JsonReader reader)
    {
        var description = reader.TokenType == JsonTokenType.StartArray ? "an array" : "an object";
        reader.Skip();
        return SenmlFieldValue.Other(description);
    }

    private static void WriteRecord(Utf8JsonWriter writer, SenmlRecord record)
    {
        writer.WriteStartObject();
        WriteString(writer, SenmlLabels.BaseName, record.BaseName);
        WriteNumber(writer, SenmlLabels.BaseTime, record.BaseTime);
        WriteString(writer, SenmlLabels.BaseUnit, record.BaseUnit);
        WriteNumber(writer, SenmlLabels.BaseValue, record.BaseValue);
        WriteNumber(writer, SenmlLabels.BaseSum, record.BaseSum);
        WriteNumber(writer, SenmlLabels.BaseVersion, record.BaseVersion);
        WriteString(writer, SenmlLabels.Name, record.Name);
        WriteString(writer, SenmlLabels.Unit, record.Unit);
        WriteNumber(writer, SenmlLabels.Sum, record.Sum);
        WriteNumber(writer, SenmlLabels.Time, record.Time);
        WriteNumber(writer, SenmlLabels.UpdateTime, record.UpdateTime);
        WriteNumber(writer, SenmlLabels.Value, record.Value);
        WriteString(writer, SenmlLabels.StringValue, record.StringValue);
        if (record.BooleanValue is { } boolean)
        {
            writer.WriteBoolean(SenmlLabels.BooleanValue, boolean);
        }

        if (record.DataValue is { } data)
        {
            writer.WriteString(SenmlLabels.DataValue, Base64Url.EncodeToString(data.Span));
        }

        WriteNumber(writer, SenmlLabels.Sequence, record.Sequence);
        writer.WriteEndObject();
    }

    private static void WriteString(Utf8JsonWriter writer, string label, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(label, value);
        }
    }

    private static void WriteNumber(Utf8JsonWriter writer, string label, double? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(label, number);
        }
    }

    private static void WriteNumber(Utf8JsonWriter writer, string label, long? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(label, number);
        }
    }
}
