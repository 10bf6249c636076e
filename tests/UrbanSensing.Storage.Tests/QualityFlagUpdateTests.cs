using UrbanSensing.Protocol;

namespace UrbanSensing.Storage.Tests;

public sealed class QualityFlagUpdateTests
{
    private const QualityFlags StepChecks = QualityFlags.Step | QualityFlags.Spike;

    [Theory]
    [InlineData(QualityFlags.None, QualityFlags.Spike, QualityFlags.Spike)]
    [InlineData(QualityFlags.Unregistered, QualityFlags.Spike, QualityFlags.Unregistered | QualityFlags.Spike)]
    [InlineData(QualityFlags.Step | QualityFlags.CrowdQcM2, QualityFlags.Spike, QualityFlags.Spike | QualityFlags.CrowdQcM2)]
    [InlineData(QualityFlags.Unregistered | QualityFlags.Spike, QualityFlags.None, QualityFlags.Unregistered)]
    [InlineData(QualityFlags.Spike, QualityFlags.Spike | QualityFlags.OutOfRange, QualityFlags.Spike)]
    public void ApplyTo_StoredFlags_TakesTheOwnedBitsFromTheUpdateAndKeepsTheOthers(QualityFlags stored, QualityFlags update, QualityFlags expected)
    {
        var flags = Update(update).ApplyTo(stored, StepChecks);

        Assert.Equal(expected, flags);
        Assert.Equal(expected, Update(update).ApplyTo(flags, StepChecks));
    }

    private static QualityFlagUpdate Update(QualityFlags flags) =>
        new("lille-0001", "sht31", Quantities.AirTemperature, new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero), flags);
}
