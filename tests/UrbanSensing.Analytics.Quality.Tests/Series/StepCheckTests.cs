using UrbanSensing.Protocol;
using UrbanSensing.Analytics.Quality.Series;

namespace UrbanSensing.Analytics.Quality.Tests.Series;

public sealed class StepCheckTests
{
    private static readonly StepCheck TwoDegreesInTenMinutes = new(2, TimeSpan.FromMinutes(10));

    [Fact]
    public void Check_ChangesJustBelowAtAndAboveLimit_FlagsOnlyAbove()
    {
        var readings = SeriesData.Every(TimeSpan.FromMinutes(5), 10, 11.999, 13.999, 16);

        var results = TwoDegreesInTenMinutes.Check(readings);

        Assert.Equal([QualityFlags.None, QualityFlags.None, QualityFlags.None, QualityFlags.Step], SeriesData.Flags(results));
    }

    [Fact]
    public void Check_GapJustAtAndBeyondMaximum_JudgesOnlyWithinGap()
    {
        SeriesReading[] readings =
        [
            new(SeriesData.Start, 10),
            new(SeriesData.Start.AddMinutes(10), 15),
            new(SeriesData.Start.AddMinutes(20).AddSeconds(1), 20),
        ];

        var results = TwoDegreesInTenMinutes.Check(readings);

        Assert.Equal([QualityFlags.None, QualityFlags.Step, QualityFlags.None], SeriesData.Flags(results));
    }

    [Fact]
    public void Check_UpThenDown_FlagsSpikeAndNotTheReturn()
    {
        var readings = SeriesData.Every(TimeSpan.FromMinutes(5), 10, 10.5, 16, 10.4, 10.3);

        var results = TwoDegreesInTenMinutes.Check(readings);

        Assert.Equal(
            [QualityFlags.None, QualityFlags.None, QualityFlags.Step | QualityFlags.Spike, QualityFlags.None, QualityFlags.None],
            SeriesData.Flags(results));
    }

    [Fact]
    public void Check_DownThenUp_FlagsSpike()
    {
        var readings = SeriesData.Every(TimeSpan.FromMinutes(5), 10, 4, 10);

        Assert.Equal([QualityFlags.None, QualityFlags.Step | QualityFlags.Spike, QualityFlags.None], SeriesData.Flags(TwoDegreesInTenMinutes.Check(readings)));
    }

    [Fact]
    public void Check_JumpThatStays_IsStepNotSpike()
    {
        var readings = SeriesData.Every(TimeSpan.FromMinutes(5), 10, 15, 15.5, 16);

        Assert.Equal([QualityFlags.None, QualityFlags.Step, QualityFlags.None, QualityFlags.None], SeriesData.Flags(TwoDegreesInTenMinutes.Check(readings)));
    }

    [Theory]
    [InlineData(-1.0, 10)]
    [InlineData(double.NaN, 10)]
    public void Constructor_NegativeOrNaNStep_ThrowsNamingMaximumStep(double maximumStep, int gapMinutes)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new StepCheck(maximumStep, TimeSpan.FromMinutes(gapMinutes)));

        Assert.Equal("maximumStep", exception.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Constructor_GapNotPositive_ThrowsNamingMaximumGap(int gapMinutes)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new StepCheck(2, TimeSpan.FromMinutes(gapMinutes)));

        Assert.Equal("maximumGap", exception.ParamName);
        Assert.Contains("above zero", exception.Message, StringComparison.Ordinal);
    }
}
