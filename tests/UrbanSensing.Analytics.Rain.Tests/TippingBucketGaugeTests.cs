namespace UrbanSensing.Analytics.Rain.Tests;

public sealed class TippingBucketGaugeTests
{
    private static readonly DateTimeOffset Midnight = new(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void DepthSeries_TipsOnIntervalEdges_CountEachTipInTheIntervalThatStartsAtOrBeforeIt()
    {
        var gauge = new TippingBucketGauge(0.2);
        DateTimeOffset[] tips =
        [
            Midnight,
            Midnight.AddSeconds(299),
            Midnight.AddMinutes(5),
            Midnight.AddMinutes(12),
        ];

        var series = gauge.DepthSeries(tips, Midnight, Midnight.AddMinutes(15), TimeSpan.FromMinutes(5));

        Assert.Equal([0.4, 0.2, 0.2], series.Select(s => Math.Round(s.DepthMm, 9)));
        // 0.4 mm in 5 min = 0.4 × 12 = 4.8 mm/h.
        Assert.Equal(4.8, series[0].IntensityMmPerHour, 9);
        Assert.Equal(Midnight.AddMinutes(10), series[2].Start);
    }

    [Fact]
    public void DepthSeries_TipsOutsideTheRange_AreLeftOut()
    {
        var gauge = new TippingBucketGauge(0.5);
        DateTimeOffset[] tips = [Midnight.AddMinutes(-1), Midnight.AddMinutes(30), Midnight.AddMinutes(61)];

        var series = gauge.DepthSeries(tips, Midnight, Midnight.AddHours(1), TimeSpan.FromHours(1));

        var single = Assert.Single(series);
        Assert.Equal(0.5, single.DepthMm);
        Assert.Equal(0.5, single.IntensityMmPerHour);
    }

    [Fact]
    public void DepthSeries_ShortLastInterval_ReportsIntensityOverItsOwnLength()
    {
        var gauge = new TippingBucketGauge(0.2);

        var series = gauge.DepthSeries([Midnight.AddMinutes(12)], Midnight, Midnight.AddMinutes(15), TimeSpan.FromMinutes(10));

        Assert.Equal(2, series.Count);
        // 0.2 mm in the 5 min left = 2.4 mm/h.
        Assert.Equal(2.4, series[1].IntensityMmPerHour, 9);
    }

    [Fact]
    public void DepthSeries_TipsOutOfOrder_ThrowsNamingTips()
    {
        var gauge = new TippingBucketGauge(0.2);

        var error = Assert.Throws<ArgumentException>(() =>
            gauge.DepthSeries([Midnight.AddMinutes(2), Midnight.AddMinutes(1)], Midnight, Midnight.AddHours(1), TimeSpan.FromMinutes(5)));

        Assert.Equal("tips", error.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-0.2)]
    [InlineData(double.NaN)]
    [InlineData(11)]
    public void Constructor_ResolutionOutsideRange_Throws(double resolution)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new TippingBucketGauge(resolution));

        Assert.Equal("resolutionMm", error.ParamName);
        Assert.Contains("(0, 10]", error.Message, StringComparison.Ordinal);
    }
}
