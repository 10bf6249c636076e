using Microsoft.Extensions.Time.Testing;
using UrbanSensing.Firmware;
using UrbanSensing.Protocol;
using UrbanSensing.Simulator.Sensors;
using UrbanSensing.Simulator.Sites;

namespace UrbanSensing.Simulator.Tests.Sensors;

public sealed class SimulatedAirSensorTests
{
    // 15 July, local midnight in Lille (CEST, UTC+2).
    private static readonly DateTimeOffset SummerMidnight = new(2025, 7, 14, 22, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task ReadAsync_SameSeedAtTheSameTimes_GivesTheSameReadings()
    {
        var first = await SeriesAsync(UrbanClass.Dense, seed: 7, SummerMidnight, TimeSpan.FromHours(6));
        var again = await SeriesAsync(UrbanClass.Dense, seed: 7, SummerMidnight, TimeSpan.FromHours(6));
        var other = await SeriesAsync(UrbanClass.Dense, seed: 8, SummerMidnight, TimeSpan.FromHours(6));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task ReadAsync_OverASummerNight_DenseIsWarmerThanResidentialWhichIsWarmerThanThePark()
    {
        var night = TimeSpan.FromHours(5);
        var seeds = Enumerable.Range(1, 8).ToArray();

        var dense = await MeanTemperatureAsync(UrbanClass.Dense, seeds, SummerMidnight, night);
        var residential = await MeanTemperatureAsync(UrbanClass.Residential, seeds, SummerMidnight, night);
        var park = await MeanTemperatureAsync(UrbanClass.Park, seeds, SummerMidnight, night);

        Assert.InRange(dense - park, 2.0, 3.0);
        Assert.InRange(residential - park, 0.6, 1.4);
    }

    [Fact]
    public async Task ReadAsync_OverASummerDay_PeaksInTheAfternoonAndBottomsAtDawn()
    {
        var series = await SeriesAsync(UrbanClass.Park, seed: 3, SummerMidnight, TimeSpan.FromDays(1));

        var warmest = series.MaxBy(sample => sample.Temperature)!;
        var coldest = series.MinBy(sample => sample.Temperature)!;
        Assert.InRange(LocalHour(warmest.Time), 13.5, 16.5);
        Assert.InRange(LocalHour(coldest.Time), 3.5, 6.5);
        Assert.InRange(warmest.Temperature - coldest.Temperature, 8, 13);
    }

    [Fact]
    public async Task ReadAsync_OverAYear_HumidityStaysWithin0And100AndFallsAsTheAirWarms()
    {
        var year = await SeriesAsync(UrbanClass.Park, seed: 11, new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(365), TimeSpan.FromHours(1));
        var day = await SeriesAsync(UrbanClass.Park, seed: 11, SummerMidnight, TimeSpan.FromDays(1));

        Assert.All(year, sample => Assert.InRange(sample.Humidity, 0, 100));
        Assert.True(year.Max(sample => sample.Humidity) > 90);
        Assert.True(Correlation(day.Select(sample => sample.Temperature).ToArray(), day.Select(sample => sample.Humidity).ToArray()) < -0.9);
    }

    [Fact]
    public async Task ReadAsync_InWinter_IsColderThanInSummer()
    {
        var winter = await MeanTemperatureAsync(UrbanClass.Park, [1, 2], new DateTimeOffset(2025, 1, 15, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(1));
        var summer = await MeanTemperatureAsync(UrbanClass.Park, [1, 2], new DateTimeOffset(2025, 7, 20, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(1));

        Assert.InRange(winter, 1, 7);
        Assert.InRange(summer, 15, 21);
    }

    private static async Task<double> MeanTemperatureAsync(UrbanClass urbanClass, int[] seeds, DateTimeOffset start, TimeSpan duration)
    {
        var temperatures = new List<double>();
        foreach (var seed in seeds)
        {
            temperatures.AddRange((await SeriesAsync(urbanClass, seed, start, duration)).Select(sample => sample.Temperature));
        }

        return temperatures.Average();
    }

    private static async Task<List<AirSample>> SeriesAsync(UrbanClass urbanClass, int seed, DateTimeOffset start, TimeSpan duration, TimeSpan? step = null)
    {
        var clock = new FakeTimeProvider(start);
        var sensor = new SimulatedAirSensor(urbanClass, clock, seed);
        var series = new List<AirSample>();
        while (clock.GetUtcNow() < start + duration)
        {
            var samples = await sensor.ReadAsync(TestContext.Current.CancellationToken);
            series.Add(new AirSample(clock.GetUtcNow(), Value(samples, Quantities.AirTemperature), Value(samples, Quantities.RelativeHumidity)));
            clock.Advance(step ?? Step);
        }

        return series;
    }

    private static double Value(IReadOnlyList<SensorSample> samples, Quantity quantity) => samples.Single(sample => sample.Quantity == quantity).Value;

    private static double LocalHour(DateTimeOffset time) => time.ToOffset(TimeSpan.FromHours(2)).TimeOfDay.TotalHours;

    private static double Correlation(double[] x, double[] y)
    {
        var (meanX, meanY) = (x.Average(), y.Average());
        var covariance = x.Zip(y, (a, b) => (a - meanX) * (b - meanY)).Sum();
        return covariance / Math.Sqrt(x.Sum(a => (a - meanX) * (a - meanX)) * y.Sum(b => (b - meanY) * (b - meanY)));
    }

    private sealed record AirSample(DateTimeOffset Time, double Temperature, double Humidity);
}
