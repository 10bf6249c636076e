using Microsoft.Extensions.Time.Testing;
using UrbanSensing.Simulator.Time;

namespace UrbanSensing.Simulator.Tests.Time;

public sealed class ScaledTimeProviderTests
{
    private static readonly DateTimeOffset SimulatedStart = new(2025, 7, 15, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void GetUtcNow_InnerClockAdvances_RunsScaleTimesFasterFromTheStart()
    {
        var inner = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var clock = new ScaledTimeProvider(inner, SimulatedStart, 1440);
        var started = clock.GetTimestamp();

        inner.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(SimulatedStart.AddHours(12), clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromHours(12), clock.GetElapsedTime(started));
    }

    [Fact]
    public void CreateTimer_DueTimeAndPeriod_FireAfterScaledInnerTime()
    {
        var inner = new FakeTimeProvider();
        var clock = new ScaledTimeProvider(inner, SimulatedStart, 60);
        var ticks = 0;
        using var timer = clock.CreateTimer(_ => Interlocked.Increment(ref ticks), null, TimeSpan.FromHours(1), TimeSpan.FromMinutes(30));

        inner.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, ticks);
        inner.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, ticks);
        inner.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(2, ticks);

        timer.Change(TimeSpan.FromHours(2), Timeout.InfiniteTimeSpan);
        inner.Advance(TimeSpan.FromSeconds(119));
        Assert.Equal(2, ticks);
        inner.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(3, ticks);
        inner.Advance(TimeSpan.FromHours(1));
        Assert.Equal(3, ticks);
    }

    [Fact]
    public async Task Delay_OnTheScaledClock_CompletesAfterTheScaledInnerTime()
    {
        var inner = new FakeTimeProvider();
        var clock = new ScaledTimeProvider(inner, SimulatedStart, 3600);

        var delay = Task.Delay(TimeSpan.FromHours(2), clock, TestContext.Current.CancellationToken);
        inner.Advance(TimeSpan.FromSeconds(1));
        Assert.False(delay.IsCompleted);
        inner.Advance(TimeSpan.FromSeconds(1));

        await delay;
        Assert.Equal(SimulatedStart.AddHours(2), clock.GetUtcNow());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_ScaleNotPositive_Throws(double scale)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScaledTimeProvider(TimeProvider.System, SimulatedStart, scale));
    }
}
