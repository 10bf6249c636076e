using UrbanSensing.Protocol;

namespace UrbanSensing.Storage.Tests;

public sealed class QualityFlagUpdatesTests
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Ownable_DefinedFlags_AreAllButUnregistered()
    {
        var qualityControl = Enum.GetValues<QualityFlags>().Where(flag => flag is not (QualityFlags.None or QualityFlags.Unregistered)).ToList();

        Assert.Contains(QualityFlags.CrowdQcO3, qualityControl);
        Assert.Equal(qualityControl.Aggregate(QualityFlags.None, (all, flag) => all | flag), QualityFlagUpdates.Ownable);
    }

    [Fact]
    public void ThrowIfInvalid_ValidUpdatesOfEveryOwnableFlag_DoesNotThrow()
    {
        QualityFlagUpdate[] updates = [Update("a", T0), Update("a", T0.AddTicks(10)), Update("b", T0), Update("a", T0) with { Sensor = "sps30" }];

        QualityFlagUpdates.ThrowIfInvalid(updates, QualityFlagUpdates.Ownable);
        QualityFlagUpdates.ThrowIfInvalid([], QualityFlags.Spike);
    }

    [Theory]
    [InlineData(QualityFlags.None, "names no flag")]
    [InlineData(QualityFlags.Unregistered, "Unregistered")]
    [InlineData(QualityFlags.Spike | QualityFlags.Unregistered, "Unregistered")]
    [InlineData(QualityFlags.Spike | (QualityFlags)(1 << 20), "0x100000")]
    public void ThrowIfInvalid_OwnedNotOwnable_ThrowsNamingWhy(QualityFlags owned, string why)
    {
        var error = Assert.Throws<ArgumentException>(() => QualityFlagUpdates.ThrowIfInvalid([Update("a", T0)], owned));

        Assert.Equal("owned", error.ParamName);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "sht31", "update 1 has no device id")]
    [InlineData(null, "sht31", "update 1 has no device id")]
    [InlineData("a", "", "update 1 has no sensor")]
    public void ThrowIfInvalid_UpdateWithoutAKeyPart_ThrowsNamingItsPosition(string? deviceId, string sensor, string message)
    {
        var error = Assert.Throws<ArgumentException>(
            () => QualityFlagUpdates.ThrowIfInvalid([Update("a", T0), Update(deviceId!, T0) with { Sensor = sensor }], QualityFlags.Spike));

        Assert.Equal("updates", error.ParamName);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThrowIfInvalid_UpdateWithoutQuantity_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => QualityFlagUpdates.ThrowIfInvalid([Update("a", T0) with { Quantity = null! }], QualityFlags.Spike));

        Assert.Contains("update 0 has no quantity", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThrowIfInvalid_TwoUpdatesOfOneReading_ThrowsNamingBoth()
    {
        // The same microsecond in another offset, and a tick the stores do not keep, is the same reading.
        QualityFlagUpdate[] updates = [Update("a", T0), Update("b", T0), Update("a", T0.ToOffset(TimeSpan.FromHours(2)).AddTicks(3)) with { Flags = QualityFlags.None }];

        var error = Assert.Throws<ArgumentException>(() => QualityFlagUpdates.ThrowIfInvalid(updates, QualityFlags.Spike));

        Assert.Equal("updates", error.ParamName);
        Assert.Contains("updates 0 and 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("'a'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThrowIfInvalid_NoUpdates_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => QualityFlagUpdates.ThrowIfInvalid(null!, QualityFlags.Spike));
    }

    private static QualityFlagUpdate Update(string deviceId, DateTimeOffset timestamp) =>
        new(deviceId, "sht31", Quantities.AirTemperature, timestamp, QualityFlags.Spike);
}
