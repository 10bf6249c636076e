namespace UrbanSensing.Firmware;

/// <summary>A sensor read failed (bus error, bad checksum, out-of-range frame).</summary>
public sealed class SensorReadException : Exception
{
    public SensorReadException()
    {
    }

    public SensorReadException(string message)
        : base(message)
    {
    }

    public SensorReadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
