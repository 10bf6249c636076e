using UrbanSensing.Protocol;
using UrbanSensing.Analytics.Quality.Series;

namespace UrbanSensing.Analytics.Quality.Tests.Series;

public sealed class ClockSyncCheckTests
{
    [Fact]
    public void Check_DeviceReportsUnsynchronisedClock_FlagsThoseReadingsOnly()
    {
        SeriesReading[] readings =
        [
            new(SeriesData.Start, 20, ClockSynchronised: false),
            new(SeriesData.Start.AddMinutes(1), 20),
            new(SeriesData.Start.AddMinutes(2), 20, ClockSynchronised: false),
        ];

        Assert.Equal(
            [QualityFlags.ClockNotSynchronised, QualityFlags.None, QualityFlags.ClockNotSynchronised],
            SeriesData.Flags(ClockSyncCheck.Check(readings)));
    }
}
