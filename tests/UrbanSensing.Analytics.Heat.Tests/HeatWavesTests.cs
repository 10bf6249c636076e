namespace UrbanSensing.Analytics.Heat.Tests;

public sealed class HeatWavesTests
{
    // Six days around Nord's thresholds (IBMn 18 °C, IBMx 33 °C), the second being 26 October 2025, the 25-hour day
    // of the autumn clock change in Europe/Paris (synthetic: the point is the calendar, not the season).
    private static readonly DateOnly First = new(2025, 10, 25);
    private static readonly (double Minimum, double Maximum)[] Extremes = [(17, 32), (18, 33), (19, 34), (18, 33), (17, 30), (15, 28)];

    private static IReadOnlyList<DailyTemperature> Days()
    {
        var readings = Extremes.SelectMany((extremes, index) => Paris.Day(First.AddDays(index), extremes.Minimum, extremes.Maximum));
        return DailyTemperatures.FromHourly(HourlySeries.FromReadings(readings));
    }

    [Fact]
    public void Indicators_ForwardWindow_AveragesTheDayAndTheTwoFollowing()
    {
        // IBMn(25 Oct) = (17 + 18 + 19) / 3 = 18; IBMx = (32 + 33 + 34) / 3 = 33. The last two days lack D+1 and D+2.
        var indicators = HeatWaves.Indicators(Days());

        Assert.Equal(4, indicators.Count);
        Assert.Equal(new BiometeorologicalIndicator(First, 18, 33), indicators[0]);
        Assert.Equal(First.AddDays(3), indicators[^1].Date);
    }

    [Fact]
    public void Detect_Nord_FindsTheEpisodeWhoseMeansReachTheThresholdsExactly()
    {
        // IBM (n, x): 25 Oct (18, 33) both at the thresholds → in; 26 Oct (18.33, 33.33) → in;
        // 27 Oct (18, 32.33) → IBMx below 33, out; 28 Oct (16.67, 30.33) → out.
        var episode = Assert.Single(HeatWaves.Detect(Days(), DepartmentThresholds.Nord));

        Assert.Equal((First, First.AddDays(1)), (episode.Start, episode.End));
        Assert.Equal((First, First.AddDays(3)), (episode.FirstHotDay, episode.LastHotDay));
        Assert.Equal(55.0 / 3, episode.PeakIbmn, 12);
        Assert.Equal(100.0 / 3, episode.PeakIbmx, 12);
    }

    [Fact]
    public void Detect_TrailingWindow_DatesTheSameEpisodeTwoDaysLater()
    {
        var episode = Assert.Single(HeatWaves.Detect(Days(), DepartmentThresholds.Nord, IndicatorWindow.DayAndTwoPreceding));

        Assert.Equal((First.AddDays(2), First.AddDays(3)), (episode.Start, episode.End));
        Assert.Equal((First, First.AddDays(3)), (episode.FirstHotDay, episode.LastHotDay));
    }

    [Fact]
    public void Detect_ParisThresholds_FindsNothingWhenNightsStayBelow21()
    {
        Assert.Empty(HeatWaves.Detect(Days(), DepartmentThresholds.Paris));
    }

    [Fact]
    public void Detect_MissingDay_BreaksTheWindow()
    {
        var days = Days().Where(day => day.Date != First.AddDays(2));

        Assert.Empty(HeatWaves.Detect(days, DepartmentThresholds.Nord));
    }

    [Fact]
    public void TryGet_Nord_HasMeteoFranceThresholds18And33()
    {
        Assert.True(DepartmentThresholds.TryGet("59", out var nord));
        Assert.Equal((18.0, 33.0), (nord.MinimumCelsius, nord.MaximumCelsius));
        Assert.False(DepartmentThresholds.TryGet("99", out _));
    }

    [Fact]
    public void Detect_NaNThreshold_ThrowsNamingThresholds()
    {
        var exception = Assert.Throws<ArgumentException>(() => HeatWaves.Detect(Days(), new HeatWaveThresholds("59", "Nord", double.NaN, 33)));

        Assert.Equal("thresholds", exception.ParamName);
    }
}
