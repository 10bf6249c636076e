using static UrbanSensing.Analytics.Charts.Tests.Charts;

namespace UrbanSensing.Analytics.Charts.Tests;

public sealed class ShadedSpanTests
{
    [Fact]
    public void Constructor_EndBeforeStart_ThrowsNamingBothTimes()
    {
        var exception = Assert.Throws<ArgumentException>(() => new ShadedSpan(Start.AddHours(2), Start, "heat wave"));

        Assert.Equal("end", exception.ParamName);
        Assert.Contains("2025-07-14T02:00:00", exception.Message, StringComparison.Ordinal);
        Assert.Contains("must end after it starts", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_EndAtStart_Throws() =>
        Assert.Throws<ArgumentException>(() => new ShadedSpan(Start, Start));

    [Fact]
    public void Constructor_BlankLabel_Throws() =>
        Assert.ThrowsAny<ArgumentException>(() => new ShadedSpan(Start, Start.AddHours(1), ""));

    [Fact]
    public void Constructor_NoLabel_HasNone() =>
        Assert.Null(new ShadedSpan(Start, Start.AddHours(1)).Label);
}
