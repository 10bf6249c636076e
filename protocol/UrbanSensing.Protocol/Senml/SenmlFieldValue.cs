namespace UrbanSensing.Protocol.Senml;

/// <summary>A field value as a decoder found it, before it is checked against the type its label requires.</summary>
internal readonly record struct SenmlFieldValue(SenmlFieldKind Kind, double Number, string? Text, bool Boolean, ReadOnlyMemory<byte> Data)
{
    public static SenmlFieldValue FromNumber(double number) => new(SenmlFieldKind.Number, number, null, false, default);

    public static SenmlFieldValue FromText(string text) => new(SenmlFieldKind.Text, 0, text, false, default);

    public static SenmlFieldValue FromBoolean(bool boolean) => new(SenmlFieldKind.Boolean, 0, null, boolean, default);

    public static SenmlFieldValue FromData(ReadOnlyMemory<byte> data) => new(SenmlFieldKind.Data, 0, null, false, data);

    public static SenmlFieldValue Other(string description) => new(SenmlFieldKind.Other, 0, description, false, default);

    public string AsString(in SenmlRecordBuilder record, string label, long position) =>
        Kind == SenmlFieldKind.Text ? Text! : throw record.Error($"expected a string but found {Describe()}", label, position);

    public double AsNumber(in SenmlRecordBuilder record, string label, long position)
    {
        if (Kind != SenmlFieldKind.Number)
        {
            throw record.Error($"expected a number but found {Describe()}", label, position);
        }

        return double.IsFinite(Number) ? Number : throw record.Error($"expected a finite number but found {Number}", label, position);
    }

    public bool AsBoolean(in SenmlRecordBuilder record, string label, long position) =>
        Kind == SenmlFieldKind.Boolean ? Boolean : throw record.Error($"expected true or false but found {Describe()}", label, position);

    /// <summary>JSON carries data values as unpadded base64url text, CBOR as a byte string (RFC 8428 sections 5 and 6).</summary>
    public ReadOnlyMemory<byte> AsData(in SenmlRecordBuilder record, string label, long position)
    {
        if (Kind == SenmlFieldKind.Data)
        {
            return Data;
        }

        if (Kind == SenmlFieldKind.Text)
        {
            try
            {
                return System.Buffers.Text.Base64Url.DecodeFromChars(Text);
            }
            catch (FormatException)
            {
                throw record.Error("expected base64url text (RFC 4648 section 5)", label, position);
            }
        }

        throw record.Error($"expected data but found {Describe()}", label, position);
    }

    public int AsVersion(in SenmlRecordBuilder record, string label, long position)
    {
        var number = AsNumber(record, label, position);
        if (number != Math.Floor(number) || number < 1 || number > int.MaxValue)
        {
            throw record.Error($"the version must be a positive integer, not {number}", label, position);
        }

        return (int)number;
    }

    public long AsSequence(in SenmlRecordBuilder record, string label, long position)
    {
        var number = AsNumber(record, label, position);
        if (number != Math.Floor(number) || number < 0 || number > 9_007_199_254_740_992)
        {
            throw record.Error($"the sequence number must be a non-negative integer, not {number}", label, position);
        }

        return (long)number;
    }

    private string Describe() => Kind switch
    {
        SenmlFieldKind.Number => $"the number {Number}",
        SenmlFieldKind.Text => "a string",
        SenmlFieldKind.Boolean => Boolean ? "true" : "false",
        SenmlFieldKind.Data => "a byte string",
        _ => Text ?? "another type",
    };
}
