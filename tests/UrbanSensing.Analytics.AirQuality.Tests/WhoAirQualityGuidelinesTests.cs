namespace UrbanSensing.Analytics.AirQuality.Tests;

public sealed class WhoAirQualityGuidelinesTests
{
    private static readonly DateOnly NewYear = new(2023, 1, 1);

    [Theory]
    [InlineData(Pollutant.Pm25, AveragingPeriod.Annual, 5)]
    [InlineData(Pollutant.Pm25, AveragingPeriod.DailyMean, 15)]
    [InlineData(Pollutant.Pm10, AveragingPeriod.Annual, 15)]
    [InlineData(Pollutant.Pm10, AveragingPeriod.DailyMean, 45)]
    [InlineData(Pollutant.No2, AveragingPeriod.Annual, 10)]
    [InlineData(Pollutant.No2, AveragingPeriod.DailyMean, 25)]
    [InlineData(Pollutant.O3, AveragingPeriod.PeakSeason, 60)]
    [InlineData(Pollutant.O3, AveragingPeriod.DailyMaximum8HourMean, 100)]
    public void Table_GuidelineLevel_IsTheWho2021AqgLevel(Pollutant pollutant, AveragingPeriod averaging, double level)
    {
        var guideline = WhoAirQualityGuidelines.Table.For(pollutant, averaging);

        Assert.NotNull(guideline);
        Assert.Equal(level, guideline.Level);
        // WHO 2021 AQG, footnote to the short-term levels: the 99th percentile, i.e. 3–4 exceedance days per year.
        Assert.Equal(averaging is AveragingPeriod.DailyMean or AveragingPeriod.DailyMaximum8HourMean ? 99 : null, guideline.Percentile);
    }

    [Fact]
    public void Table_Embedded_IsThe2021Guidelines()
    {
        var table = WhoAirQualityGuidelines.Table;

        Assert.Equal("who-aqg-2021.json", table.FileName);
        Assert.Equal("2021", table.Version);
        Assert.Contains("9789240034228", table.Source, StringComparison.Ordinal);
        Assert.Equal(9, table.Guidelines.Count);
    }

    [Fact]
    public void CountExceedances_SyntheticYearWithFourDaysAbove15_ExceedsTheWho2021Pm25DailyGuideline()
    {
        // 2023: 365 daily means; 4 days at 15.1 µg/m³ (above 15), 2 days exactly at 15 (not above), the rest 8.
        var year = Year(day => day switch
        {
            10 or 50 or 200 or 340 => 15.1,
            100 or 101 => 15,
            _ => 8,
        });

        var summary = WhoAirQualityGuidelines.CountExceedances(Pollutant.Pm25, year);

        Assert.Equal(365, summary.ValidDays);
        Assert.Equal(4, summary.Exceedances);
        // 99th percentile, nearest rank: the 362nd of 365 values must be ≤ 15, so 3 days may exceed ("3–4 days").
        Assert.Equal(3, summary.PermittedExceedances);
        Assert.False(summary.MeetsGuideline);
        Assert.Equal(15, summary.Guideline.Level);
    }

    [Fact]
    public void CountExceedances_SyntheticYearWithThreeDaysAbove100_MeetsTheWho2021OzoneGuideline()
    {
        var year = Year(day => day is 180 or 181 or 182 ? 130 : 90);

        var summary = WhoAirQualityGuidelines.CountExceedances(Pollutant.O3, year);

        Assert.Equal(AveragingPeriod.DailyMaximum8HourMean, summary.Guideline.Averaging);
        Assert.Equal(3, summary.Exceedances);
        Assert.True(summary.MeetsGuideline);
    }

    [Theory]
    [InlineData(366, 3)]
    [InlineData(300, 3)]
    [InlineData(100, 1)]
    [InlineData(99, 0)]
    public void CountExceedances_FewerValidDays_PermitsFewerExceedances(int validDays, int permitted)
    {
        var days = Enumerable.Range(0, validDays).Select(day => new DailyValue(NewYear.AddDays(day), 30, 24));

        var summary = WhoAirQualityGuidelines.CountExceedances(Pollutant.No2, days);

        Assert.Equal(validDays, summary.Exceedances);
        Assert.Equal(permitted, summary.PermittedExceedances);
    }

    [Fact]
    public void CountExceedances_PollutantWithoutShortTermGuideline_ThrowsListingTheAllowedOnes()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => WhoAirQualityGuidelines.CountExceedances((Pollutant)99, []));

        Assert.Equal("pollutant", exception.ParamName);
        Assert.Contains("Pm25, Pm10, No2, O3, So2", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CountExceedances_So2_UsesTheWho2021TwentyFourHourLevelOf40()
    {
        // WHO global air quality guidelines (2021), Table 0.1: SO2 24-hour AQG level 40 µg/m³, 99th percentile.
        DailyValue[] days = [new(NewYear, 40, 24), new(NewYear.AddDays(1), 40.1, 24)];

        var summary = WhoAirQualityGuidelines.CountExceedances(Pollutant.So2, days);

        Assert.Equal(40, summary.Guideline.Level);
        Assert.Equal(1, summary.Exceedances);
    }

    [Fact]
    public void CountExceedances_SameDayTwice_Throws()
    {
        DailyValue[] days = [new(NewYear, 10, 24), new(NewYear, 12, 24)];

        var exception = Assert.Throws<ArgumentException>(() => WhoAirQualityGuidelines.CountExceedances(Pollutant.Pm10, days));

        Assert.Equal("dailyValues", exception.ParamName);
    }

    [Fact]
    public void CountExceedances_FromHourlyValues_CountsDaysWhoseMeanIsAbove15()
    {
        // Three days of hourly PM2.5: means 10, 16 and (only 17 hours, so no daily mean per Directive 2008/50/EC) 40.
        var start = new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.FromHours(1));
        var hours = Enumerable.Range(0, 24).Select(hour => new HourlyValue(start.AddHours(hour), 10))
            .Concat(Enumerable.Range(24, 24).Select(hour => new HourlyValue(start.AddHours(hour), 16)))
            .Concat(Enumerable.Range(48, 17).Select(hour => new HourlyValue(start.AddHours(hour), 40)));

        var summary = WhoAirQualityGuidelines.CountExceedances(Pollutant.Pm25, Averaging.DailyMeans(hours));

        Assert.Equal(2, summary.ValidDays);
        Assert.Equal(1, summary.Exceedances);
    }

    private static IEnumerable<DailyValue> Year(Func<int, double> valueOfDay) =>
        Enumerable.Range(0, 365).Select(day => new DailyValue(NewYear.AddDays(day), valueOfDay(day), 24));
}
