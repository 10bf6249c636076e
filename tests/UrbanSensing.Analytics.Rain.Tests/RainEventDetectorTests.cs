namespace UrbanSensing.Analytics.Rain.Tests;

public sealed class RainEventDetectorTests
{
    private static readonly DateTimeOffset Midnight = new(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly RainEventDetector Detector = new(new TippingBucketGauge(0.2));

    private static IEnumerable<DateTimeOffset> EveryMinute(DateTimeOffset first, int count) =>
        Enumerable.Range(0, count).Select(i => first.AddMinutes(i));

    [Fact]
    public void Detect_GapOfExactlySixHours_StartsASecondEvent()
    {
        // Ten tips 00:00–00:09, then ten more starting 6 h after the last one: the dry gap equals the minimum
        // inter-event time, which separates events.
        DateTimeOffset[] tips = [.. EveryMinute(Midnight, 10), .. EveryMinute(Midnight.AddMinutes(9).AddHours(6), 10)];

        var events = Detector.Detect(tips);

        Assert.Equal(2, events.Count);
        Assert.Equal(10, events[0].TipCount);
        Assert.Equal(2.0, events[0].DepthMm, 9);
        Assert.Equal(TimeSpan.FromMinutes(9), events[0].Duration);
        // 2.0 mm in 9 min = 2.0 / 0.15 h = 13.33 mm/h.
        Assert.Equal(13.333333333, events[0].MeanIntensityMmPerHour!.Value, 6);
        Assert.Null(events[0].AntecedentDryPeriodDays);
        // 6 h dry = 0.25 day.
        Assert.Equal(0.25, events[1].AntecedentDryPeriodDays!.Value, 12);
    }

    [Fact]
    public void Detect_GapOneMinuteShortOfSixHours_KeepsOneEvent()
    {
        DateTimeOffset[] tips = [.. EveryMinute(Midnight, 10), .. EveryMinute(Midnight.AddMinutes(8).AddHours(6), 10)];

        var single = Assert.Single(Detector.Detect(tips));

        Assert.Equal(20, single.TipCount);
        Assert.Equal(4.0, single.DepthMm, 9);
    }

    [Fact]
    public void Detect_ConfiguredOneHourInterEventTime_SplitsOnATwoHourGap()
    {
        var detector = new RainEventDetector(new TippingBucketGauge(0.2), new RainEventOptions { MinimumInterEventTime = TimeSpan.FromHours(1) });
        DateTimeOffset[] tips = [Midnight, Midnight.AddMinutes(10), Midnight.AddHours(2).AddMinutes(10)];

        var events = detector.Detect(tips);

        Assert.Equal(2, events.Count);
        Assert.Equal(2.0 / 24, events[1].AntecedentDryPeriodDays!.Value, 12);
        // The default 6 h keeps the same tips together.
        Assert.Equal(3, Assert.Single(Detector.Detect(tips)).TipCount);
    }

    [Fact]
    public void Detect_BurstThenScatteredTips_PeaksAreMovingWindowMaxima()
    {
        // Five tips a minute apart (00:00–00:04), then single tips at 00:20 and 00:40; 0.2 mm each.
        DateTimeOffset[] tips = [.. EveryMinute(Midnight, 5), Midnight.AddMinutes(20), Midnight.AddMinutes(40)];

        var rain = Assert.Single(Detector.Detect(tips));

        // 6 min: the burst, 5 tips = 1.0 mm → 10 mm/h.
        Assert.Equal(10.0, rain.PeakOver(TimeSpan.FromMinutes(6)).IntensityMmPerHour, 9);
        Assert.Equal(Midnight.AddMinutes(4), rain.PeakOver(TimeSpan.FromMinutes(6)).WindowEnd);
        // 15 min: still the burst alone (00:20 − 15 min = 00:05 excludes it) → 1.0 mm in 0.25 h = 4 mm/h.
        Assert.Equal(4.0, rain.PeakOver(TimeSpan.FromMinutes(15)).IntensityMmPerHour, 9);
        // 30 min: (−00:10, 00:20] holds 6 tips = 1.2 mm → 2.4 mm/h.
        Assert.Equal(1.2, rain.PeakOver(TimeSpan.FromMinutes(30)).DepthMm, 9);
        Assert.Equal(2.4, rain.PeakOver(TimeSpan.FromMinutes(30)).IntensityMmPerHour, 9);
        // 60 min: all 7 tips = 1.4 mm → 1.4 mm/h.
        Assert.Equal(1.4, rain.PeakOver(TimeSpan.FromMinutes(60)).IntensityMmPerHour, 9);
    }

    [Fact]
    public void Detect_TwoTipsExactlyOneWindowApart_AreNotInTheSameWindow()
    {
        // The window is (end − 6 min, end]: a tip exactly 6 min earlier belongs to the previous window.
        var rain = Assert.Single(Detector.Detect([Midnight, Midnight.AddMinutes(6)]));

        Assert.Equal(0.2, rain.PeakOver(TimeSpan.FromMinutes(6)).DepthMm, 9);
        Assert.Equal(0.4, rain.PeakOver(TimeSpan.FromMinutes(15)).DepthMm, 9);
    }

    [Fact]
    public void Detect_SingleTip_HasZeroDurationAndNoMeanIntensity()
    {
        var rain = Assert.Single(Detector.Detect([Midnight]));

        Assert.Equal(TimeSpan.Zero, rain.Duration);
        Assert.Null(rain.MeanIntensityMmPerHour);
        // One tip in 6 min = 0.2 × 10 = 2 mm/h.
        Assert.Equal(2.0, rain.PeakOver(TimeSpan.FromMinutes(6)).IntensityMmPerHour, 9);
    }

    [Fact]
    public void Detect_NoTips_NoEvents()
    {
        Assert.Empty(Detector.Detect([]));
    }

    [Fact]
    public void Detect_TipsOutOfOrder_ThrowsNamingTips()
    {
        var error = Assert.Throws<ArgumentException>(() => Detector.Detect([Midnight.AddMinutes(1), Midnight]));

        Assert.Equal("tips", error.ParamName);
    }

    [Fact]
    public void PeakOver_DurationNotComputed_Throws()
    {
        var rain = Assert.Single(Detector.Detect([Midnight]));

        Assert.Throws<ArgumentOutOfRangeException>(() => rain.PeakOver(TimeSpan.FromMinutes(120)));
    }

    [Fact]
    public void Options_NonPositiveInterEventTime_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new RainEventOptions { MinimumInterEventTime = TimeSpan.Zero });

        Assert.Equal("MinimumInterEventTime", error.ParamName);
    }
}
