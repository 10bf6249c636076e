namespace UrbanSensing.Firmware.Mqtt;

/// <summary>The broker answered a publish with a failure reason code instead of a success acknowledgement.</summary>
public sealed class PublishRejectedException : Exception
{
    public PublishRejectedException()
    {
    }

    public PublishRejectedException(string message)
        : base(message)
    {
    }

    public PublishRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
