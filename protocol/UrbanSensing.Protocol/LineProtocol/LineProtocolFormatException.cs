namespace UrbanSensing.Protocol.LineProtocol;

/// <summary>A line-protocol payload that is not valid, or not valid UrbanSensing readings; says what is wrong and where.</summary>
public sealed class LineProtocolFormatException : PayloadFormatException
{
    public LineProtocolFormatException(
        string reason,
        int line,
        int column,
        PayloadErrorKind kind = PayloadErrorKind.Malformed,
        Exception? innerException = null)
        : base($"line {line}, column {column}: {reason}", reason, kind, innerException)
    {
        Line = line;
        Column = column;
    }

    public LineProtocolFormatException()
        : this("invalid line protocol", 1, 1)
    {
    }

    public LineProtocolFormatException(string message)
        : this(message, 1, 1)
    {
    }

    public LineProtocolFormatException(string message, Exception innerException)
        : this(message, 1, 1, PayloadErrorKind.Malformed, innerException)
    {
    }

    /// <summary>One-based line number in the payload.</summary>
    public int Line { get; }

    /// <summary>One-based position in the line, counted in characters.</summary>
    public int Column { get; }
}
