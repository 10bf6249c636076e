using UrbanSensing.Protocol;
using static UrbanSensing.Storage.InfluxDb.Tests.TestReadings;

namespace UrbanSensing.Storage.InfluxDb.Tests;

public sealed class PendingFlagUpdatesTests
{
    private const QualityFlags StepChecks = QualityFlags.Step | QualityFlags.Spike;

    private static readonly InfluxChannel A = new("air", "a", "sht31", "air-temperature");

    private static readonly InfluxChannel B = new("air", "b", "sht31", "air-temperature");

    [Fact]
    public void Spans_UpdatesMoreThanTheGapApart_SplitThereEachWithItsChannels()
    {
        var pending = new PendingFlagUpdates(
            [Update("b", T0.AddMinutes(90)), Update("a", T0), Update("a", T0.AddMinutes(80)), Update("b", T0.AddMinutes(10)), Update("a", T0.AddHours(3))],
            StepChecks);

        var spans = pending.Spans(TimeSpan.FromHours(1));

        const long Minute = 60_000_000_000;
        Assert.Equal(3, spans.Count);
        Assert.Equal((T0Nanoseconds, T0Nanoseconds + (10 * Minute)), (spans[0].FromNanoseconds, spans[0].ToNanoseconds));
        Assert.Equal([A, B], spans[0].Channels.Order(Comparer<InfluxChannel>.Create(InfluxChannel.Compare)));
        Assert.Equal((T0Nanoseconds + (80 * Minute), T0Nanoseconds + (90 * Minute)), (spans[1].FromNanoseconds, spans[1].ToNanoseconds));
        Assert.Equal([A, B], spans[1].Channels.Order(Comparer<InfluxChannel>.Create(InfluxChannel.Compare)));
        Assert.Equal((T0Nanoseconds + (180 * Minute), T0Nanoseconds + (180 * Minute)), (spans[2].FromNanoseconds, spans[2].ToNanoseconds));
        Assert.Equal([A], spans[2].Channels);
    }

    [Fact]
    public void Apply_PointsOfTheUpdates_GiveTheirNewFlagsAndCountEachUpdateOnce()
    {
        var pending = new PendingFlagUpdates([Update("a", T0), Update("b", T0) with { Flags = QualityFlags.None }], StepChecks);

        var first = pending.Apply(new StoredFlags(A, "air,device=a,…", T0Nanoseconds, QualityFlags.Unregistered | QualityFlags.Step));
        var otherSeries = pending.Apply(new StoredFlags(A, "air,device=a,…,site=s", T0Nanoseconds, QualityFlags.None));
        var cleared = pending.Apply(new StoredFlags(B, "air,device=b,…", T0Nanoseconds, QualityFlags.Step | QualityFlags.CrowdQcM1));
        var notNamed = pending.Apply(new StoredFlags(A, "air,device=a,…", T0Nanoseconds + 1000, QualityFlags.None));

        Assert.Equal(QualityFlags.Unregistered | QualityFlags.Spike, first);
        Assert.Equal(QualityFlags.Spike, otherSeries);
        Assert.Equal(QualityFlags.CrowdQcM1, cleared);
        Assert.Null(notNamed);
        Assert.Equal(2, pending.Matched);
    }

    [Fact]
    public void Spans_UpdateAtATimeInfluxDbCannotHold_IsLeftOut()
    {
        var pending = new PendingFlagUpdates([Update("a", new DateTimeOffset(1600, 1, 1, 0, 0, 0, TimeSpan.Zero)), Update("a", T0)], StepChecks);

        var span = Assert.Single(pending.Spans(TimeSpan.FromHours(1)));

        Assert.Equal((T0Nanoseconds, T0Nanoseconds), (span.FromNanoseconds, span.ToNanoseconds));
    }

    private static QualityFlagUpdate Update(string deviceId, DateTimeOffset timestamp) =>
        new(deviceId, "sht31", Quantities.AirTemperature, timestamp, QualityFlags.Spike);
}
