namespace UrbanSensing.Analytics.Rain.Tests;

public sealed class RetentionStorageTests
{
    private static StageStorageCurve Curve() =>
        new([new StagePoint(0, 0), new StagePoint(0.5, 100), new StagePoint(1.0, 300), new StagePoint(1.5, 600)]);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0.25, 50)]
    [InlineData(0.75, 200)]
    [InlineData(1.0, 300)]
    [InlineData(1.5, 600)]
    public void VolumeAt_LevelInsideTable_InterpolatesLinearly(double level, double volume)
    {
        Assert.Equal(volume, Curve().VolumeAt(level), 9);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.51)]
    [InlineData(double.NaN)]
    public void VolumeAt_LevelOutsideTable_ThrowsNamingTheRange(double level)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Curve().VolumeAt(level));

        Assert.Equal("levelM", error.ParamName);
        Assert.Contains("[0, 1.5]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_LevelsNotIncreasing_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new StageStorageCurve([new StagePoint(0, 0), new StagePoint(0.5, 100), new StagePoint(0.5, 200)]));

        Assert.Equal("points", error.ParamName);
    }

    [Fact]
    public void Assess_BelowAndAboveTheWarningThreshold_RaisesTheWarningOnlyAbove()
    {
        // Overflow at 1.2 m: capacity = 300 + (0.2 / 0.5) × 300 = 420 m³.
        var basin = new RetentionStorage(Curve(), 1.2);

        var below = basin.Assess(1.0);
        var above = basin.Assess(1.1);

        Assert.Equal(420, basin.CapacityM3, 9);
        Assert.Equal(300.0 / 420, below.FractionOfCapacity, 9);
        Assert.False(below.IsAboveWarning);
        Assert.Equal(360.0 / 420, above.FractionOfCapacity, 9);
        Assert.True(above.IsAboveWarning);
    }

    [Fact]
    public void Assess_BelowTheTablesBottom_IsEmptyAndKeepsTheMeasuredLevel()
    {
        var basin = new RetentionStorage(Curve(), 1.2);

        var state = basin.Assess(basin.Curve.MinLevelM - 0.05);

        Assert.Equal(0, state.VolumeM3);
        Assert.Equal(0, state.FractionOfCapacity);
        Assert.Equal(basin.Curve.MinLevelM - 0.05, state.LevelM);
    }

    [Fact]
    public void Assess_ConfiguredThreshold_IsUsed()
    {
        var basin = new RetentionStorage(Curve(), 1.2, warningFraction: 0.7);

        Assert.True(basin.Assess(1.0).IsAboveWarning);
    }

    [Fact]
    public void Assess_AboveTheOverflowLevel_CountsAsFull()
    {
        var state = new RetentionStorage(Curve(), 1.2).Assess(1.4);

        Assert.Equal(1.0, state.FractionOfCapacity, 9);
        Assert.Equal(420, state.VolumeM3, 9);
    }

    [Theory]
    [InlineData(1.2, 0)]
    [InlineData(1.2, 1.01)]
    [InlineData(0, 0.8)]
    [InlineData(1.6, 0.8)]
    public void Constructor_BadOverflowOrThreshold_Throws(double overflow, double warning)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetentionStorage(Curve(), overflow, warning));
    }
}
