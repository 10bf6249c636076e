using UrbanSensing.Analytics.Quality.Series;
using UrbanSensing.Protocol;

namespace UrbanSensing.Analytics.Quality.Tests.Series;

public sealed class RangeCheckTests
{
    // protocol/README.md: air temperature -50 to 60 °C, both ends plausible.
    [Fact]
    public void Check_AirTemperatureJustInsideAtAndBeyondLimits_FlagsOnlyBeyond()
    {
        var readings = SeriesData.Every(TimeSpan.FromMinutes(1), -50.001, -50, -49.999, 59.999, 60, 60.001);

        var results = RangeCheck.For(Quantities.AirTemperature).Check(readings);

        Assert.Equal(
            [QualityFlags.OutOfRange, QualityFlags.None, QualityFlags.None, QualityFlags.None, QualityFlags.None, QualityFlags.OutOfRange],
            SeriesData.Flags(results));
    }

    [Fact]
    public void Constructor_MaximumBelowMinimum_ThrowsNamingMaximum()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new RangeCheck(10, 5));

        Assert.Equal("maximum", exception.ParamName);
        Assert.Contains("at least the minimum", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NaNValue_ThrowsNamingReadings()
    {
        var readings = SeriesData.Every(TimeSpan.FromMinutes(1), 20, double.NaN);

        var exception = Assert.Throws<ArgumentException>(() => RangeCheck.For(Quantities.AirTemperature).Check(readings));

        Assert.Equal("readings", exception.ParamName);
        Assert.Contains("finite", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TimesNotIncreasing_ThrowsNamingReadings()
    {
        SeriesReading[] readings = [new(SeriesData.Start, 20), new(SeriesData.Start.AddMinutes(-1), 21)];

        var exception = Assert.Throws<ArgumentException>(() => RangeCheck.For(Quantities.AirTemperature).Check(readings));

        Assert.Equal("readings", exception.ParamName);
        Assert.Contains("strictly increasing", exception.Message, StringComparison.Ordinal);
    }
}
