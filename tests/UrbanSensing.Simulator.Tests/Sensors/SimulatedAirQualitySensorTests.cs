using Microsoft.Extensions.Time.Testing;
using UrbanSensing.Protocol;
using UrbanSensing.Simulator.Sensors;
using UrbanSensing.Simulator.Sites;

namespace UrbanSensing.Simulator.Tests.Sensors;

public sealed class SimulatedAirQualitySensorTests
{
    // Tuesday 15 July 2025 and Tuesday 14 January 2025, local midnight in Lille.
    private static readonly DateTimeOffset SummerMidnight = new(2025, 7, 14, 22, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset WinterMidnight = new(2025, 1, 13, 23, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ReadAsync_EveryRead_GivesTheFourPollutantsWithinTheCataloguesRanges()
    {
        var clock = new FakeTimeProvider(SummerMidnight);
        var sensor = new SimulatedAirQualitySensor(UrbanClass.Dense, clock, seed: 1);

        for (var hour = 0; hour < 48; hour++)
        {
            var samples = await sensor.ReadAsync(TestContext.Current.CancellationToken);

            Assert.Equal([Quantities.Pm25, Quantities.Pm10, Quantities.NitrogenDioxide, Quantities.Ozone], samples.Select(sample => sample.Quantity));
            Assert.All(samples, sample => Assert.InRange(sample.Value, sample.Quantity.PlausibleMinimum, sample.Quantity.PlausibleMaximum));
            Assert.True(samples[1].Value >= samples[0].Value, "PM10 includes PM2.5");
            clock.Advance(TimeSpan.FromHours(1));
        }
    }

    [Fact]
    public async Task ReadAsync_WeekdayInADenseDistrict_No2PeaksWithTheMorningTrafficAndO3InTheAfternoon()
    {
        var at8 = await MeanAsync(UrbanClass.Dense, SummerMidnight.AddHours(8));
        var at13 = await MeanAsync(UrbanClass.Dense, SummerMidnight.AddHours(13));
        var at15 = await MeanAsync(UrbanClass.Dense, SummerMidnight.AddHours(15));
        var at5 = await MeanAsync(UrbanClass.Dense, SummerMidnight.AddHours(5));

        Assert.True(at8.No2 > 1.5 * at13.No2, $"NO2 at 08:00 {at8.No2} against 13:00 {at13.No2}");
        Assert.True(at15.O3 > 2 * at5.O3, $"O3 at 15:00 {at15.O3} against 05:00 {at5.O3}");
    }

    [Fact]
    public async Task ReadAsync_SameHour_DenseHasMoreNo2ThanAParkAndWinterMoreParticlesThanSummer()
    {
        var dense = await MeanAsync(UrbanClass.Dense, SummerMidnight.AddHours(8));
        var park = await MeanAsync(UrbanClass.Park, SummerMidnight.AddHours(8));
        var winterEvening = await MeanAsync(UrbanClass.Residential, WinterMidnight.AddHours(20));
        var summerEvening = await MeanAsync(UrbanClass.Residential, SummerMidnight.AddHours(20));

        Assert.True(dense.No2 > 2 * park.No2, $"NO2 dense {dense.No2} against park {park.No2}");
        Assert.True(winterEvening.Pm25 > 1.5 * summerEvening.Pm25, $"PM2.5 winter {winterEvening.Pm25} against summer {summerEvening.Pm25}");
    }

    // The mean of one read by each of 20 sensors with their own seeds, so that the noise averages out.
    private static async Task<(double Pm25, double No2, double O3)> MeanAsync(UrbanClass urbanClass, DateTimeOffset instant)
    {
        var reads = new List<IReadOnlyList<UrbanSensing.Firmware.SensorSample>>();
        for (var seed = 1; seed <= 20; seed++)
        {
            reads.Add(await new SimulatedAirQualitySensor(urbanClass, new FakeTimeProvider(instant), seed).ReadAsync(TestContext.Current.CancellationToken));
        }

        return (reads.Average(read => read[0].Value), reads.Average(read => read[2].Value), reads.Average(read => read[3].Value));
    }
}
