using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using UrbanSensing.Protocol;

namespace UrbanSensing.Analytics.Streaming.Tests;

public sealed class HourlyMeansTests : IDisposable
{
    private static readonly DateTimeOffset Ten = new(2025, 7, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lateness = TimeSpan.FromMinutes(15);

    private readonly HistoricalScheduler _scheduler = new(Ten);
    private readonly Subject<Reading> _readings = new();
    private readonly Recorder<ChannelHour> _hours = new();
    private readonly HourlyMeans _means;
    private readonly IDisposable _subscription;

    public HourlyMeansTests()
    {
        _means = new HourlyMeans([Quantities.AirTemperature, Quantities.RelativeHumidity], Lateness, _scheduler);
        _subscription = _means.Run(_readings).Subscribe(_hours);
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _readings.Dispose();
    }

    [Fact]
    public void Run_ReadingsOfAnHour_EmitsTheirMeanWhenTheChannelReachesTheNextHour()
    {
        Send("lille-0001", 10, 0, 20.0);
        Send("lille-0001", 10, 20, 21.0);
        Send("lille-0001", 10, 40, 22.5);

        Assert.Empty(_hours.Values);

        Send("lille-0001", 11, 0, 30.0);

        var hour = Assert.Single(_hours.Values);
        Assert.Equal(new ChannelHour("lille-0001", "sht31", Quantities.AirTemperature, Ten, 63.5 / 3, 3), hour);
    }

    [Fact]
    public void Run_QuietChannel_EmitsWhenTheClockPassesTheHourEndPlusLateness()
    {
        _scheduler.AdvanceTo(Ten.AddMinutes(10));
        Send("lille-0001", 10, 10, 18.0);
        Send("lille-0001", 10, 50, 19.0);

        _scheduler.AdvanceTo(Ten.AddHours(1) + Lateness - TimeSpan.FromTicks(1));
        Assert.Empty(_hours.Values);

        _scheduler.AdvanceBy(TimeSpan.FromTicks(1));
        Assert.Equal(18.5, Assert.Single(_hours.Values).Mean);
    }

    [Fact]
    public void Run_ResentOrLateReadings_AreDroppedAndCounted()
    {
        Send("lille-0001", 10, 0, 20.0);
        Send("lille-0001", 11, 0, 22.0);
        Send("lille-0001", 10, 0, 20.0);
        Send("lille-0001", 10, 59, 35.0);
        _scheduler.AdvanceTo(Ten.AddHours(2) + Lateness);
        Send("lille-0001", 11, 30, 35.0);

        Assert.Equal([20.0, 22.0], _hours.Values.Select(hour => hour.Mean));
        Assert.Equal(3, _means.LateReadings);
    }

    [Fact]
    public void Run_ReadingOfAnHourBeforeTheOpenOne_IsDroppedEvenIfThatHourWasNeverEmitted()
    {
        Send("lille-0001", 11, 0, 22.0);
        Send("lille-0001", 10, 30, 20.0);
        Send("lille-0001", 12, 0, 23.0);

        Assert.Equal(Ten.AddHours(1), Assert.Single(_hours.Values).Hour);
        Assert.Equal(1, _means.LateReadings);
    }

    [Fact]
    public void Run_FlaggedReadings_NeitherCountNorCloseTheHour()
    {
        Send("lille-0001", 10, 0, 20.0);
        Send("lille-0001", 10, 10, 45.0, QualityFlags.Spike);
        Send("lille-0001", 10, 20, 22.0);
        Send("lille-0001", 11, 0, 22.0, QualityFlags.Persistence);

        Assert.Empty(_hours.Values);

        Send("lille-0001", 11, 10, 23.0);

        var hour = Assert.Single(_hours.Values);
        Assert.Equal((21.0, 2), (hour.Mean, hour.Count));
        Assert.Equal(0, _means.LateReadings);
    }

    [Fact]
    public void Run_InterleavedDevices_CloseOnlyTheirOwnHours()
    {
        Send("lille-0001", 10, 0, 20.0);
        Send("lille-0002", 10, 5, 15.0);
        Send("lille-0001", 10, 30, 21.0);
        Send("lille-0001", 11, 0, 25.0);
        Send("lille-0002", 10, 55, 16.0);

        Assert.Equal(("lille-0001", 20.5), (Assert.Single(_hours.Values).DeviceId, _hours.Values[0].Mean));

        Send("lille-0002", 11, 5, 17.0);

        Assert.Equal([("lille-0001", Ten, 20.5, 2), ("lille-0002", Ten, 15.5, 2)], _hours.Values.Select(hour => (hour.DeviceId, hour.Hour, hour.Mean, hour.Count)));
    }

    [Fact]
    public void Run_QuantitiesOfOneSensor_AreSeparateChannelsAndUntrackedOnesAreIgnored()
    {
        Send("lille-0001", 10, 0, 20.0);
        _readings.OnNext(new Reading("lille-0001", "sht31", Quantities.RelativeHumidity, Ten, 60.0, null));
        _readings.OnNext(new Reading("lille-0001", "aq", Quantities.Pm25, Ten, 8.0, null));
        _scheduler.AdvanceTo(Ten.AddHours(1) + Lateness);

        Assert.Equal(
            [(Quantities.AirTemperature, 20.0), (Quantities.RelativeHumidity, 60.0)],
            _hours.Values.Select(hour => (hour.Quantity, hour.Mean)).OrderBy(hour => hour.Quantity.Name));
    }

    [Fact]
    public void Run_DeviceCatchingUpAfterAnOutage_KeepsTheOldHourOpenForTheLatenessAfterItOpens()
    {
        _scheduler.AdvanceTo(Ten.AddHours(5));
        Send("lille-0001", 10, 0, 20.0);
        _scheduler.AdvanceBy(Lateness - TimeSpan.FromTicks(1));
        Send("lille-0001", 10, 50, 22.0);

        Assert.Empty(_hours.Values);

        _scheduler.AdvanceBy(TimeSpan.FromTicks(1));

        Assert.Equal((21.0, 2), (Assert.Single(_hours.Values).Mean, _hours.Values[0].Count));
    }

    [Fact]
    public void Run_SourceCompletes_EmitsOpenHoursAtTheirDeadlinesThenCompletes()
    {
        Send("lille-0001", 10, 0, 20.0);
        _readings.OnCompleted();

        Assert.Empty(_hours.Values);
        Assert.False(_hours.Completed);

        _scheduler.AdvanceTo(Ten.AddHours(1) + Lateness);

        Assert.Single(_hours.Values);
        Assert.True(_hours.Completed);
    }

    [Fact]
    public void Run_SubscriptionDisposed_EmitsNoPartialHour()
    {
        Send("lille-0001", 10, 0, 20.0);
        _subscription.Dispose();
        _scheduler.AdvanceTo(Ten.AddHours(2));

        Assert.Empty(_hours.Values);
    }

    [Fact]
    public void Constructor_NoLateness_Throws()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new HourlyMeans([Quantities.AirTemperature], TimeSpan.Zero, _scheduler));

        Assert.Equal("lateness", exception.ParamName);
    }

    [Fact]
    public void Constructor_NoQuantity_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => new HourlyMeans([], Lateness, _scheduler));

        Assert.Equal("quantities", exception.ParamName);
    }

    private void Send(string deviceId, int hour, int minute, double celsius, QualityFlags flags = QualityFlags.None) =>
        _readings.OnNext(new Reading(deviceId, "sht31", Quantities.AirTemperature, Ten.AddHours(hour - 10).AddMinutes(minute), celsius, null, flags));
}
