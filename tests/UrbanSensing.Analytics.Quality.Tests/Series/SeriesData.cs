using UrbanSensing.Protocol;
using UrbanSensing.Analytics.Quality.Series;

namespace UrbanSensing.Analytics.Quality.Tests.Series;

internal static class SeriesData
{
    public static readonly DateTimeOffset Start = new(2025, 7, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Readings every <paramref name="interval"/> from <see cref="Start"/>.</summary>
    public static SeriesReading[] Every(TimeSpan interval, params double[] values) =>
        [.. values.Select((value, i) => new SeriesReading(Start + (interval * i), value))];

    public static QualityFlags[] Flags(IReadOnlyList<QcResult> results) => [.. results.Select(result => result.Flags)];
}
