using static UrbanSensing.Analytics.Charts.Tests.Charts;

namespace UrbanSensing.Analytics.Charts.Tests;

public sealed class ChartRendererTests
{
    [Fact]
    public void Segments_MissingHour_SplitsThere()
    {
        var segments = ChartRenderer.Segments(Hourly("lomme", [0, 1, 2, 4, 5], 20, Green));

        Assert.Equal([[0, 1, 2], [4, 5]], segments.Select(Hours));
    }

    [Fact]
    public void Segments_JitteredTimes_KeepsOneSegment()
    {
        var series = new Series("lomme", [new(Start, 20), new(Start.AddMinutes(62), 20), new(Start.AddMinutes(119), 20), new(Start.AddMinutes(180), 20)]);

        Assert.Single(ChartRenderer.Segments(series));
    }

    [Fact]
    public void Segments_GivenStep_SplitsOnlyBeyondOneAndAHalfSteps()
    {
        var hourly = Hourly("lomme", [0, 2, 4, 7, 11], 20, Green);
        var series = new Series(hourly.Name, hourly.Points) { Step = TimeSpan.FromHours(2) };

        Assert.Equal([[0, 2, 4, 7], [11]], ChartRenderer.Segments(series).Select(Hours));
    }

    [Fact]
    public void Segments_NoPoint_IsEmpty() =>
        Assert.Empty(ChartRenderer.Segments(new Series("lomme", [])));

    private static int[] Hours(TimePoint[] segment) => [.. segment.Select(p => (int)(p.Time - Start).TotalHours)];
}
