namespace UrbanSensing.Protocol;

/// <summary>
/// A telemetry payload that does not hold valid UrbanSensing readings, whatever its format: the derived exception
/// says where (a SenML record, a line-protocol line and column), <see cref="Reason"/> what, <see cref="Kind"/> of
/// which kind, so ingestion can reject every format through one catch and count rejections by kind.
/// </summary>
public abstract class PayloadFormatException : FormatException
{
    protected PayloadFormatException(string message, string reason, PayloadErrorKind kind, Exception? innerException)
        : base(message, innerException)
    {
        Reason = reason;
        Kind = kind;
    }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }

    public PayloadErrorKind Kind { get; }
}
