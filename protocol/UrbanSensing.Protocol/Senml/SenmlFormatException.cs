namespace UrbanSensing.Protocol.Senml;

/// <summary>A payload that is not valid SenML, or not a valid UrbanSensing reading; says what is wrong and where.</summary>
public sealed class SenmlFormatException : FormatException
{
    public SenmlFormatException(string reason, int? recordIndex = null, string? field = null, long? bytePosition = null, Exception? innerException = null)
        : base(Describe(reason, recordIndex, field, bytePosition), innerException)
    {
        Reason = reason;
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

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }

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
