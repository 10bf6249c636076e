using UrbanSensing.Analytics.Quality.Series;
using UrbanSensing.Protocol;

namespace UrbanSensing.Analytics.Quality.Tests.Series;

public sealed class SeriesQualityControlTests
{
    [Fact]
    public void Check_ReadingsWithSeveralFaults_KeepsOneResultPerReadingWithEveryFlag()
    {
        SeriesReading[] readings =
        [
            new(SeriesData.Start, 20),
            new(SeriesData.Start.AddMinutes(5), 75),
            new(SeriesData.Start.AddMinutes(10), 20.5, ClockSynchronised: false),
            new(SeriesData.Start.AddMinutes(15), 21),
        ];
        var control = SeriesQualityControl.For(Quantities.AirTemperature, 2, TimeSpan.FromMinutes(10), 0.01, TimeSpan.FromHours(6));

        var results = control.Check(readings);

        Assert.Equal(readings.Length, results.Count);
        Assert.Equal(
            [QualityFlags.None, QualityFlags.OutOfRange | QualityFlags.Step | QualityFlags.Spike, QualityFlags.ClockNotSynchronised, QualityFlags.None],
            SeriesData.Flags(results));
    }

    [Fact]
    public void Check_NoReadings_GivesNoResults()
    {
        var control = SeriesQualityControl.For(Quantities.AirTemperature, 2, TimeSpan.FromMinutes(10), 0.01, TimeSpan.FromHours(6));

        Assert.Empty(control.Check([]));
    }
}
