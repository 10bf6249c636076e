namespace UrbanSensing.Analytics.AirQuality;

/// <summary>A table file is malformed or invalid; the message names the file and the entry at fault.</summary>
public sealed class BandTableException : Exception
{
    public BandTableException(string fileName, string entry, string problem, Exception? innerException = null)
        : base($"{fileName}: {entry}: {problem}", innerException)
    {
        FileName = fileName;
        Entry = entry;
    }

    public BandTableException()
        : this("(unknown file)", "$", "the table is invalid.")
    {
    }

    public BandTableException(string message)
        : base(message)
    {
        FileName = "(unknown file)";
        Entry = "$";
    }

    public BandTableException(string message, Exception innerException)
        : base(message, innerException)
    {
        FileName = "(unknown file)";
        Entry = "$";
    }

    public string FileName { get; }

    /// <summary>The path of the entry at fault, e.g. <c>pollutants[0] (Pm25) bands[2] (Moderate)</c>; <c>$</c> is the whole file.</summary>
    public string Entry { get; }
}
