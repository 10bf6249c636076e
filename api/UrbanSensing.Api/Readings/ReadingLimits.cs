namespace UrbanSensing.Api.Readings;

/// <summary>How much one request may ask for, so that no request can exhaust the service; each limit's error names it.</summary>
public static class ReadingLimits
{
    /// <summary>Raw readings in a JSON response when <c>limit</c> is not given.</summary>
    public const int DefaultJsonReadings = 10_000;

    /// <summary>Raw readings in a JSON response at most: the response is checked whole before it is sent.</summary>
    public const int MaxJsonReadings = 100_000;

    /// <summary>Windows × channels an aggregated JSON response may hold.</summary>
    public const long MaxJsonWindows = 1_000_000;

    /// <summary>Windows × channels an aggregated CSV or Parquet response may hold; both are streamed, so this is about time, not memory.</summary>
    public const long MaxStreamedWindows = 50_000_000;

    /// <summary>The longest range one request may cover; longer archives are what <c>urbansensing export</c> is for.</summary>
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(366 * 10);

    /// <summary>The range when <c>from</c> is not given: the day before <c>to</c>.</summary>
    public static readonly TimeSpan DefaultRange = TimeSpan.FromDays(1);
}
