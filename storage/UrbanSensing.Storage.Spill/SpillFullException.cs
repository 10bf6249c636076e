namespace UrbanSensing.Storage.Spill;

/// <summary>The store is down and the spill has no room left: the batch is neither stored nor acknowledged.</summary>
public sealed class SpillFullException : IOException
{
    public SpillFullException()
    {
    }

    public SpillFullException(string message)
        : base(message)
    {
    }

    public SpillFullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
