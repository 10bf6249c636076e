using UrbanSensing.Storage.Aggregation;

namespace UrbanSensing.Storage.Tests.Aggregation;

public sealed class AggregationWindowTests
{
    [Theory]
    [InlineData("1m", 1, WindowUnit.Minute)]
    [InlineData("2m", 2, WindowUnit.Minute)]
    [InlineData("5m", 5, WindowUnit.Minute)]
    [InlineData("10m", 10, WindowUnit.Minute)]
    [InlineData("15m", 15, WindowUnit.Minute)]
    [InlineData("20m", 20, WindowUnit.Minute)]
    [InlineData("30m", 30, WindowUnit.Minute)]
    [InlineData("1h", 1, WindowUnit.Hour)]
    [InlineData("2h", 2, WindowUnit.Hour)]
    [InlineData("3h", 3, WindowUnit.Hour)]
    [InlineData("4h", 4, WindowUnit.Hour)]
    [InlineData("6h", 6, WindowUnit.Hour)]
    [InlineData("8h", 8, WindowUnit.Hour)]
    [InlineData("12h", 12, WindowUnit.Hour)]
    [InlineData("1d", 1, WindowUnit.Day)]
    [InlineData("1w", 1, WindowUnit.Week)]
    [InlineData("1mo", 1, WindowUnit.Month)]
    public void Parse_AllowedForm_ReturnsThatWindowWrittenTheSameWay(string text, int count, WindowUnit unit)
    {
        var window = AggregationWindow.Parse(text);

        Assert.Equal((count, unit), (window.Count, window.Unit));
        Assert.Equal(text, window.ToString());
        Assert.Contains(window, AggregationWindow.All);
    }

    [Fact]
    public void All_EveryWindow_ShortestFirstAndEachParsedBackFromItsText()
    {
        string[] expected = ["1m", "2m", "5m", "10m", "15m", "20m", "30m", "1h", "2h", "3h", "4h", "6h", "8h", "12h", "1d", "1w", "1mo"];

        Assert.Equal(expected, AggregationWindow.All.Select(window => window.ToString()));
        Assert.All(AggregationWindow.All, window => Assert.Equal(window, AggregationWindow.Parse(window.ToString())));
        var lengths = AggregationWindow.All.Select(window => window.ShortestLength).ToList();
        Assert.Equal(lengths.Order(), lengths);
        Assert.Equal(lengths.Count, lengths.Distinct().Count());
    }

    [Theory]
    [InlineData("0m")]
    [InlineData("7m")]
    [InlineData("45m")]
    [InlineData("60m")]
    [InlineData("5h")]
    [InlineData("24h")]
    [InlineData("25h")]
    [InlineData("2d")]
    [InlineData("2w")]
    [InlineData("2mo")]
    [InlineData("1y")]
    [InlineData("100m")]
    [InlineData("1")]
    [InlineData("m")]
    [InlineData("h1")]
    [InlineData("1H")]
    [InlineData("1M")]
    [InlineData("1mon")]
    [InlineData("-1h")]
    [InlineData("+1h")]
    [InlineData("1.5h")]
    [InlineData(" 1h")]
    [InlineData("1h ")]
    [InlineData("")]
    public void TryParse_NotAnAllowedWindow_ReturnsFalse(string text)
    {
        Assert.False(AggregationWindow.TryParse(text, out var window));
        Assert.Equal(default, window);
    }

    [Fact]
    public void TryParse_Null_ReturnsFalse() => Assert.False(AggregationWindow.TryParse(null, out _));

    [Fact]
    public void Parse_NotAnAllowedWindow_ThrowsNamingItAndListingTheAllowedOnes()
    {
        var error = Assert.Throws<FormatException>(() => AggregationWindow.Parse("7m"));

        Assert.Contains("'7m'", error.Message, StringComparison.Ordinal);
        Assert.Contains("1m, 2m, 5m, 10m, 15m, 20m, 30m, 1h, 2h, 3h, 4h, 6h, 8h, 12h, 1d, 1w, 1mo", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("15m", 0.25)]
    [InlineData("1h", 1)]
    [InlineData("12h", 12)]
    public void FixedLength_MinutesAndHours_IsTheirLength(string text, double hours)
    {
        var window = AggregationWindow.Parse(text);

        Assert.Equal(TimeSpan.FromHours(hours), window.FixedLength);
        Assert.Equal(TimeSpan.FromHours(hours), window.ShortestLength);
    }

    [Theory]
    [InlineData("1d", 23)]
    [InlineData("1w", (7 * 24) - 1)]
    [InlineData("1mo", (28 * 24) - 1)]
    public void ShortestLength_CalendarWindow_IsItsLengthWhenTheClockSpringsForward(string text, int hours)
    {
        var window = AggregationWindow.Parse(text);

        Assert.Null(window.FixedLength);
        Assert.Equal(TimeSpan.FromHours(hours), window.ShortestLength);
    }
}
