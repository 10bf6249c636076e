using UrbanSensing.Protocol;

namespace UrbanSensing.Ingestion.Tests;

public sealed class ReadingValidatorTests
{
    private static readonly DateTimeOffset ReceivedAt = TestMessages.Start;
    private static readonly ValidationOptions Options = new();
    private readonly ReadingValidator _validator = new(Options);

    public static TheoryData<string> QuantityNames => [.. Quantities.All.Select(quantity => quantity.Name)];

    [Theory]
    [MemberData(nameof(QuantityNames))]
    public void TryValidate_ValueAtEitherEndOfTheRange_IsAccepted(string quantityName)
    {
        Assert.True(Quantities.TryGet(quantityName, out var quantity));

        Assert.True(_validator.TryValidate([At(quantity, quantity.PlausibleMinimum), At(quantity, quantity.PlausibleMaximum)], ReceivedAt, out _, out var reason), reason);
    }

    [Theory]
    [MemberData(nameof(QuantityNames))]
    public void TryValidate_ValueJustBelowTheRange_IsRejectedAsImplausible(string quantityName)
    {
        Assert.True(Quantities.TryGet(quantityName, out var quantity));

        Assert.False(_validator.TryValidate([At(quantity, Math.BitDecrement(quantity.PlausibleMinimum))], ReceivedAt, out var kind, out var reason));
        Assert.Equal(RejectionKind.ImplausibleValue, kind);
        Assert.Contains($"{quantity.Name} ", reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(QuantityNames))]
    public void TryValidate_ValueJustAboveTheRange_IsRejectedAsImplausible(string quantityName)
    {
        Assert.True(Quantities.TryGet(quantityName, out var quantity));

        Assert.False(_validator.TryValidate([At(quantity, Math.BitIncrement(quantity.PlausibleMaximum))], ReceivedAt, out var kind, out _));
        Assert.Equal(RejectionKind.ImplausibleValue, kind);
    }

    [Theory]
    [InlineData("air-temperature", -50, 60)]
    [InlineData("relative-humidity", 0, 100)]
    [InlineData("air-pressure", 85_000, 110_000)]
    [InlineData("pm2.5", 0, 1_000)]
    [InlineData("pm10", 0, 1_000)]
    [InlineData("no2", 0, 2_000)]
    [InlineData("co2", 300, 10_000)]
    [InlineData("rain-tips", 0, 10_000)]
    [InlineData("rainfall", 0, 500)]
    [InlineData("water-level", -10, 100)]
    [InlineData("water-temperature", -5, 50)]
    [InlineData("surface-temperature", -60, 90)]
    public void Quantities_PlausibleRange_IsTheDocumentedOne(string quantityName, double minimum, double maximum)
    {
        Assert.True(Quantities.TryGet(quantityName, out var quantity));

        Assert.Equal((minimum, maximum), (quantity.PlausibleMinimum, quantity.PlausibleMaximum));
    }

    [Fact]
    public void TryValidate_OneImplausibleReadingAmongGoodOnes_RejectsNamingItsPositionQuantityValueAndRange()
    {
        Reading[] readings = [At(Quantities.AirTemperature, 21), At(Quantities.RelativeHumidity, 60), At(Quantities.AirPressure, 101_325), At(Quantities.AirTemperature, 72.4)];

        Assert.False(_validator.TryValidate(readings, ReceivedAt, out var kind, out var reason));

        Assert.Equal(RejectionKind.ImplausibleValue, kind);
        Assert.Equal("reading 3: air-temperature 72.4 Cel is outside the plausible range -50 to 60 Cel", reason);
    }

    [Fact]
    public void TryValidate_TimedExactlyMaxFutureSkewAhead_IsAccepted()
    {
        Assert.True(_validator.TryValidate([At(Quantities.AirTemperature, 20, ReceivedAt + Options.MaxFutureSkew)], ReceivedAt, out _, out var reason), reason);
    }

    [Fact]
    public void TryValidate_TimedJustBeyondMaxFutureSkew_IsRejectedAsOutOfRange()
    {
        var time = ReceivedAt + Options.MaxFutureSkew + TimeSpan.FromMicroseconds(1);

        Assert.False(_validator.TryValidate([At(Quantities.AirTemperature, 20, time)], ReceivedAt, out var kind, out var reason));

        Assert.Equal(RejectionKind.TimestampOutOfRange, kind);
        Assert.Equal(
            "reading 0: its time 2026-07-14T03:05:00.000001Z is 00:05:00.0000010 after the message arrived (2026-07-14T03:00:00Z); at most 00:05:00 is accepted",
            reason);
    }

    [Fact]
    public void TryValidate_TimedExactlyMaxAgeBefore_IsAccepted()
    {
        Assert.True(_validator.TryValidate([At(Quantities.AirTemperature, 20, ReceivedAt - Options.MaxAge)], ReceivedAt, out _, out var reason), reason);
    }

    [Fact]
    public void TryValidate_TimedJustBeyondMaxAge_IsRejectedAsOutOfRange()
    {
        var time = ReceivedAt - Options.MaxAge - TimeSpan.FromMicroseconds(1);

        Assert.False(_validator.TryValidate([At(Quantities.AirTemperature, 20), At(Quantities.AirTemperature, 20, time)], ReceivedAt, out var kind, out var reason));

        Assert.Equal(RejectionKind.TimestampOutOfRange, kind);
        Assert.Equal(
            "reading 1: its time 2026-06-14T02:59:59.999999Z is 30.00:00:00.0000010 before the message arrived (2026-07-14T03:00:00Z); at most 30.00:00:00 is accepted",
            reason);
    }

    [Fact]
    public void TryValidate_ConfiguredLimits_AreTheOnesApplied()
    {
        var strict = new ReadingValidator(new ValidationOptions { MaxFutureSkew = TimeSpan.Zero, MaxAge = TimeSpan.FromMinutes(1) });

        Assert.True(strict.TryValidate([At(Quantities.AirTemperature, 20, ReceivedAt)], ReceivedAt, out _, out _));
        Assert.False(strict.TryValidate([At(Quantities.AirTemperature, 20, ReceivedAt.AddTicks(10))], ReceivedAt, out _, out _));
        Assert.False(strict.TryValidate([At(Quantities.AirTemperature, 20, ReceivedAt.AddMinutes(-2))], ReceivedAt, out _, out _));
    }

    private static Reading At(Quantity quantity, double value, DateTimeOffset? time = null) =>
        new("fives-01", "s1", quantity, time ?? ReceivedAt, value, null);
}
