using System.Formats.Cbor;

namespace UrbanSensing.Protocol.Senml;

/// <summary>SenML CBOR representation, media type <c>application/senml+cbor</c> (RFC 8428 section 6).</summary>
public static class SenmlCbor
{
    public const string ContentType = "application/senml+cbor";

    public static byte[] Encode(IReadOnlyList<SenmlRecord> pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var writer = new CborWriter(CborConformanceMode.Lax, convertIndefiniteLengthEncodings: false, allowMultipleRootLevelValues: false);
        writer.WriteStartArray(pack.Count);
        foreach (var record in pack)
        {
            WriteRecord(writer, record);
        }

        writer.WriteEndArray();
        return writer.Encode();
    }

    /// <exception cref="SenmlFormatException">The payload is not a SenML CBOR pack.</exception>
    public static IReadOnlyList<SenmlRecord> Decode(ReadOnlyMemory<byte> payload)
    {
        var reader = new CborReader(payload, CborConformanceMode.Lax);
        var records = new List<SenmlRecord>();
        try
        {
            if (payload.IsEmpty)
            {
                throw new SenmlFormatException("the payload is empty; a SenML pack is a CBOR array of maps", bytePosition: 0);
            }

            if (reader.PeekState() != CborReaderState.StartArray)
            {
                throw new SenmlFormatException($"a SenML pack is a CBOR array of maps, but the payload starts with {reader.PeekState()}", bytePosition: 0);
            }

            reader.ReadStartArray();
            while (reader.PeekState() != CborReaderState.EndArray)
            {
                records.Add(ReadRecord(reader, records.Count, payload.Length));
            }

            reader.ReadEndArray();
            if (reader.BytesRemaining > 0)
            {
                throw new SenmlFormatException($"{reader.BytesRemaining} unexpected bytes after the pack", bytePosition: payload.Length - reader.BytesRemaining);
            }
        }
        catch (Exception exception) when (exception is CborContentException or InvalidOperationException or OverflowException)
        {
            throw new SenmlFormatException(
                $"malformed CBOR: {exception.Message}",
                records.Count,
                null,
                payload.Length - reader.BytesRemaining,
                exception);
        }

        return records;
    }

    private static SenmlRecord ReadRecord(CborReader reader, int recordIndex, int payloadLength)
    {
        if (reader.PeekState() != CborReaderState.StartMap)
        {
            throw new SenmlFormatException($"a record is a CBOR map, not {reader.PeekState()}", recordIndex, bytePosition: payloadLength - reader.BytesRemaining);
        }

        reader.ReadStartMap();
        var builder = new SenmlRecordBuilder(recordIndex);
        while (reader.PeekState() != CborReaderState.EndMap)
        {
            var position = payloadLength - reader.BytesRemaining;
            var label = ReadLabel(reader, recordIndex, position);
            position = payloadLength - reader.BytesRemaining;
            if (label is null)
            {
                reader.SkipValue();
                continue;
            }

            builder.Set(label, ReadValue(reader), position);
        }

        reader.ReadEndMap();
        return builder.Build();
    }

    /// <returns>The label, or null for an unknown extension label that may be ignored.</returns>
    private static string? ReadLabel(CborReader reader, int recordIndex, long position)
    {
        switch (reader.PeekState())
        {
            case CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger:
                var key = reader.ReadInt32();
                return SenmlLabels.FromCborKey(key)
                    ?? throw new SenmlFormatException($"unknown integer label {key}; RFC 8428 table 4 lists every integer label", recordIndex, bytePosition: position);
            case CborReaderState.TextString:
                var label = reader.ReadTextString();
                if (label == SenmlLabels.Sequence)
                {
                    return label;
                }

                return SenmlLabels.MustBeUnderstood(label)
                    ? throw new SenmlFormatException("unknown label that must be understood (it ends with '_')", recordIndex, label, position)
                    : null;
            default:
                throw new SenmlFormatException($"a label is an integer or a text string, not {reader.PeekState()}", recordIndex, bytePosition: position);
        }
    }

    private static SenmlFieldValue ReadValue(CborReader reader)
    {
        switch (reader.PeekState())
        {
            case CborReaderState.UnsignedInteger:
                return SenmlFieldValue.FromNumber(reader.ReadUInt64());
            case CborReaderState.NegativeInteger:
                return SenmlFieldValue.FromNumber(-1d - reader.ReadCborNegativeIntegerRepresentation());
            case CborReaderState.HalfPrecisionFloat or CborReaderState.SinglePrecisionFloat or CborReaderState.DoublePrecisionFloat:
                return SenmlFieldValue.FromNumber(reader.ReadDouble());
            case CborReaderState.Tag when reader.PeekTag() == CborTag.DecimalFraction:
                return SenmlFieldValue.FromNumber((double)reader.ReadDecimal());
            case CborReaderState.TextString:
                return SenmlFieldValue.FromText(reader.ReadTextString());
            case CborReaderState.ByteString:
                return SenmlFieldValue.FromData(reader.ReadByteString());
            case CborReaderState.Boolean:
                return SenmlFieldValue.FromBoolean(reader.ReadBoolean());
            default:
                var state = reader.PeekState();
                reader.SkipValue();
                return SenmlFieldValue.Other($"a CBOR {state}");
        }
    }

    private static void WriteRecord(CborWriter writer, SenmlRecord record)
    {
        writer.WriteStartMap(CountFields(record));
        WriteText(writer, SenmlLabels.BaseName, record.BaseName);
        WriteNumber(writer, SenmlLabels.BaseTime, record.BaseTime);
        WriteText(writer, SenmlLabels.BaseUnit, record.BaseUnit);
        WriteNumber(writer, SenmlLabels.BaseValue, record.BaseValue);
        WriteNumber(writer, SenmlLabels.BaseSum, record.BaseSum);
        WriteNumber(writer, SenmlLabels.BaseVersion, record.BaseVersion);
        WriteText(writer, SenmlLabels.Name, record.Name);
        WriteText(writer, SenmlLabels.Unit, record.Unit);
        WriteNumber(writer, SenmlLabels.Sum, record.Sum);
        WriteNumber(writer, SenmlLabels.Time, record.Time);
        WriteNumber(writer, SenmlLabels.UpdateTime, record.UpdateTime);
        WriteNumber(writer, SenmlLabels.Value, record.Value);
        WriteText(writer, SenmlLabels.StringValue, record.StringValue);
        if (record.BooleanValue is { } boolean)
        {
            WriteKey(writer, SenmlLabels.BooleanValue);
            writer.WriteBoolean(boolean);
        }

        if (record.DataValue is { } data)
        {
            WriteKey(writer, SenmlLabels.DataValue);
            writer.WriteByteString(data.Span);
        }

        if (record.Sequence is { } sequence)
        {
            writer.WriteTextString(SenmlLabels.Sequence);
            writer.WriteInt64(sequence);
        }

        writer.WriteEndMap();
    }

    private static int CountFields(SenmlRecord record)
    {
        object?[] fields =
        [
            record.BaseName, record.BaseTime, record.BaseUnit, record.BaseValue, record.BaseSum, record.BaseVersion,
            record.Name, record.Unit, record.Sum, record.Time, record.UpdateTime, record.Value, record.StringValue,
            record.BooleanValue, record.DataValue, record.Sequence,
        ];
        return fields.Count(field => field is not null);
    }

    private static void WriteKey(CborWriter writer, string label) => writer.WriteInt32(SenmlLabels.ToCborKey(label)!.Value);

    private static void WriteText(CborWriter writer, string label, string? value)
    {
        if (value is not null)
        {
            WriteKey(writer, label);
            writer.WriteTextString(value);
        }
    }

    private static void WriteNumber(CborWriter writer, string label, double? value)
    {
        if (value is not { } number)
        {
            return;
        }

        WriteKey(writer, label);
        WriteShortestExact(writer, number);
    }

    /// <summary>RFC 8428 section 6: the shortest CBOR number that converts back to exactly the same double.</summary>
    private static void WriteShortestExact(CborWriter writer, double number)
    {
        if (Math.Floor(number) == number && Math.Abs(number) <= 9_007_199_254_740_992d)
        {
            writer.WriteInt64((long)number);
        }
        else if ((double)(Half)number == number)
        {
            writer.WriteHalf((Half)number);
        }
        else if ((double)(float)number == number)
        {
            writer.WriteSingle((float)number);
        }
        else
        {
            writer.WriteDouble(number);
        }
    }
}
