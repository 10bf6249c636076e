using Microsoft.Extensions.Time.Testing;
using UrbanSensing.Protocol;
using UrbanSensing.Simulator.Sensors;

namespace UrbanSensing.Simulator.Tests.Sensors;

public sealed class SimulatedRainGaugeTests
{
    private static readonly DateTimeOffset Start = new(2025, 10, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ReadAsync_OverAMonth_CountsWholeTipsOfTwoTenthsOfAMillimetre()
    {
        var readings = await ReadEveryAsync(seed: 5, TimeSpan.FromMinutes(10), TimeSpan.FromDays(30));

        Assert.All(readings, reading =>
        {
            Assert.True(reading.Tips >= 0);
            Assert.Equal(Math.Floor(reading.Tips), reading.Tips);
            Assert.Equal(reading.Tips * SimulatedRainGauge.MillimetresPerTip, reading.Rainfall, 9);
        });
        Assert.True(readings.Count(reading => reading.Tips > 0) > 10, "it should rain on some readings in a month");
        Assert.InRange(readings.Sum(reading => reading.Rainfall), 10, 200);
    }

    [Fact]
    public async Task ReadAsync_TotalRainfall_DoesNotDependOnHowOftenTheGaugeIsRead()
    {
        var often = await ReadEveryAsync(seed: 9, TimeSpan.FromMinutes(1), TimeSpan.FromDays(10));
        var rarely = await ReadEveryAsync(seed: 9, TimeSpan.FromHours(1), TimeSpan.FromDays(10));

        Assert.True(often.Sum(reading => reading.Tips) > 0);
        Assert.Equal(often.Sum(reading => reading.Tips), rarely.Sum(reading => reading.Tips), 0);
    }

    [Fact]
    public async Task ReadAsync_SameSeed_SameSeries()
    {
        var first = await ReadEveryAsync(seed: 21, TimeSpan.FromMinutes(10), TimeSpan.FromDays(20));
        var again = await ReadEveryAsync(seed: 21, TimeSpan.FromMinutes(10), TimeSpan.FromDays(20));
        var other = await ReadEveryAsync(seed: 22, TimeSpan.FromMinutes(10), TimeSpan.FromDays(20));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    private static async Task<List<RainReading>> ReadEveryAsync(int seed, TimeSpan interval, TimeSpan duration)
    {
        var clock = new FakeTimeProvider(Start);
        var gauge = new SimulatedRainGauge(clock, seed);
        var readings = new List<RainReading>();
        while (clock.GetUtcNow() <= Start + duration)
        {
            var samples = await gauge.ReadAsync(TestContext.Current.CancellationToken);
            readings.Add(new RainReading(
                samples.Single(sample => sample.Quantity == Quantities.RainGaugeTips).Value,
                samples.Single(sample => sample.Quantity == Quantities.RainfallDepth).Value));
            clock.Advance(interval);
        }

        return readings;
    }

    private sealed record RainReading(double Tips, double Rainfall);
}
