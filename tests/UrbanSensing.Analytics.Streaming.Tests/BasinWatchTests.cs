using System.Reactive.Linq;
using UrbanSensing.Analytics.Rain;
using UrbanSensing.Protocol;

namespace UrbanSensing.Analytics.Streaming.Tests;

public sealed class BasinWatchTests
{
    private const string Device = "lille-0100";
    private static readonly DateTimeOffset Start = new(2025, 10, 12, 14, 0, 0, TimeSpan.Zero);

    // 500 m³ per metre up to the overflow at 2 m: 1000 m³ of capacity, the 80 % warning fill at 1.6 m; with the
    // 5-point hysteresis the basin is back to normal below 75 % (1.5 m) and stops overflowing below 95 % (1.9 m).
    private static readonly WatchedBasin Basin = new(
        "bassin-lomme",
        Device,
        "level",
        new RetentionStorage(new StageStorageCurve([new StagePoint(0, 0), new StagePoint(2, 1000), new StagePoint(2.5, 1250)]), overflowLevelM: 2, warningFraction: 0.8));

    [Fact]
    public void Run_RiseAndFall_RaisesNearOverflowOverflowingAndBackToNormal()
    {
        var events = Watch(new BasinWatch([Basin]), Levels(1.0, 1.7, 1.95, 2.0, 2.3, 1.92, 1.8, 1.55, 1.45));

        Assert.Equal(
            [
                (AnalyticsEventKinds.BasinNearOverflow, Start.AddMinutes(1), 0.85),
                (AnalyticsEventKinds.BasinOverflowing, Start.AddMinutes(3), 1.0),
                (AnalyticsEventKinds.BasinNearOverflow, Start.AddMinutes(6), 0.9),
                (AnalyticsEventKinds.BasinBackToNormal, Start.AddMinutes(8), 0.725),
            ],
            events.Select(found => (found.Kind, found.Time, Math.Round(found.Value!.Value, 12))));
        Assert.All(events, found => Assert.Equal("bassin-lomme", found.Subject));
    }

    [Fact]
    public void Run_NearOverflow_SaysHowFullInOneSentence()
    {
        var found = Assert.Single(Watch(new BasinWatch([Basin]), Levels(1.7)));

        Assert.Equal(
            "Basin bassin-lomme is 85 % full (850 m³ of 1000 m³, water at 1.70 m), at or above its warning fill of 80 %; it overflows at 2.00 m.",
            found.Message);
    }

    [Fact]
    public void Run_NoiseAroundTheWarningFill_RaisesOneEvent()
    {
        var events = Watch(new BasinWatch([Basin]), Levels(1.58, 1.61, 1.59, 1.62, 1.52, 1.63, 1.51));

        Assert.Equal(AnalyticsEventKinds.BasinNearOverflow, Assert.Single(events).Kind);
    }

    [Fact]
    public void Run_NoHysteresis_IsBackToNormalJustBelowTheWarningFill()
    {
        var events = Watch(new BasinWatch([Basin], hysteresis: 0), Levels(1.61, 1.59));

        Assert.Equal([AnalyticsEventKinds.BasinNearOverflow, AnalyticsEventKinds.BasinBackToNormal], events.Select(found => found.Kind));
    }

    [Fact]
    public void Run_OlderOrResentReadings_DoNotChangeTheState()
    {
        var events = Watch(
            new BasinWatch([Basin]),
            Level(1.0, minutes: 0),
            Level(1.7, minutes: 10),
            Level(1.0, minutes: 5),
            Level(1.0, minutes: 10),
            Level(2.1, minutes: 9),
            Level(1.65, minutes: 11));

        Assert.Equal(AnalyticsEventKinds.BasinNearOverflow, Assert.Single(events).Kind);
    }

    [Fact]
    public void Run_FlaggedReading_IsIgnoredButUnregisteredOnlyIsTrusted()
    {
        var events = Watch(
            new BasinWatch([Basin]),
            Level(2.2, minutes: 0) with { Flags = QualityFlags.Spike },
            Level(2.2, minutes: 1) with { Flags = QualityFlags.Unregistered | QualityFlags.OutOfRange },
            Level(1.7, minutes: 2) with { Flags = QualityFlags.Unregistered });

        Assert.Equal((AnalyticsEventKinds.BasinNearOverflow, Start.AddMinutes(2)), (Assert.Single(events).Kind, events[0].Time));
    }

    [Fact]
    public void Run_OtherChannelsAndQuantities_AreIgnored()
    {
        var events = Watch(
            new BasinWatch([Basin]),
            Level(2.2, minutes: 0) with { Sensor = "other" },
            Level(2.2, minutes: 1) with { DeviceId = "lille-0101" },
            Level(2.2, minutes: 2) with { Quantity = Quantities.RainfallDepth });

        Assert.Empty(events);
    }

    [Fact]
    public void Run_LevelBelowTheTable_IsAnEmptyBasin()
    {
        var events = Watch(new BasinWatch([Basin]), Levels(1.7, -0.3));

        Assert.Equal((AnalyticsEventKinds.BasinBackToNormal, 0.0), (events[^1].Kind, events[^1].Value!.Value));
    }

    [Fact]
    public void Run_TwoBasinsOnOneChannel_EachHasItsOwnState()
    {
        var small = Basin with { Id = "noue-lomme", Storage = new RetentionStorage(Basin.Storage.Curve, overflowLevelM: 1, warningFraction: 0.9) };

        var events = Watch(new BasinWatch([Basin, small]), Levels(0.95, 1.7));

        Assert.Equal(
            [("noue-lomme", AnalyticsEventKinds.BasinNearOverflow), ("bassin-lomme", AnalyticsEventKinds.BasinNearOverflow), ("noue-lomme", AnalyticsEventKinds.BasinOverflowing)],
            events.Select(found => (found.Subject, found.Kind)));
    }

    [Fact]
    public void Constructor_HysteresisNotBelowTheWarningFraction_Throws()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new BasinWatch([Basin], hysteresis: 0.8));

        Assert.Equal("hysteresis", exception.ParamName);
    }

    [Fact]
    public void Constructor_TwoBasinsWithOneId_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => new BasinWatch([Basin, Basin with { Sensor = "other" }]));

        Assert.Equal("basins", exception.ParamName);
    }

    private static Reading Level(double metres, int minutes) =>
        new(Device, "level", Quantities.WaterLevel, Start.AddMinutes(minutes), metres, null);

    private static Reading[] Levels(params double[] metres) => [.. metres.Select((level, index) => Level(level, index))];

    private static List<AnalyticsEvent> Watch(BasinWatch watch, params Reading[] readings)
    {
        var recorder = new Recorder<AnalyticsEvent>();
        using (watch.Run(readings.ToObservable()).Subscribe(recorder))
        {
            Assert.True(recorder.Completed);
        }

        return recorder.Values;
    }
}
