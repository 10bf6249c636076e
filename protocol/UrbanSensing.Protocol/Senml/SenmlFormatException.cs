namespace UrbanSensing.Protocol.Senml;

/// <summary>A payload that is not valid SenML, or not a valid UrbanSensing reading; says what is wrong and where.</summary>
public sealed class SenmlFormatException : PayloadFormatException
{
    public SenmlFormatException(
        string reason,
        int? recordIndex = null,
        string? field = null,
        long? bytePosition = null,
        Exception? innerException = null,
        PayloadErrorKind kind = PayloadErrorKind.Malformed)
        : base(Describe(reason, recordIndex, field, bytePosition), reason, kind, innerException)
    {
        RecordIndex = recordIndex;
        Field = field;
        BytePosition = bytePosition;
    }

    public SenmlFormatException()
        : this("invalid SenML")
    {
    }

    public SenmlFormatException(string message)
        : this(message, recordIndex: null)
    {
    }

    public SenmlFormatException(string message, Exception innerException)
        : this(message, null, null, null, innerException)
    {
    }

    /// <summary>Zero-based index of the offending record in the pack, when known.</summary>
    public int? RecordIndex { get; }

    /// <summary>SenML label of the offending field (<c>bn</c>, <c>v</c>, ...), when known.</summary>
    public string? Field { get; }

    /// <summary>Byte offset in the payload where the problem was found, when known.</summary>
    public long? BytePosition { get; }

    private static string Describe(string reason, int? recordIndex, string? field, long? bytePosition)
    {
        var location = new List<string>(3);
        if (recordIndex is { } index)
        {
            location.Add($"record {index}");
        }

        if (field is not null)
        {
            location.Add($"field '{field}'");
        }

        if (bytePosition is { } position)
        {
            location.Add($"byte {position}");
        }

        return location.Count == 0 ? reason : $"{string.Join(", ", location)}: {reason}";
    }
}
