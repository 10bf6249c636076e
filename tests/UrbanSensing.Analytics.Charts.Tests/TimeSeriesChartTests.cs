using static UrbanSensing.Analytics.Charts.Tests.Charts;

namespace UrbanSensing.Analytics.Charts.Tests;

public sealed class TimeSeriesChartTests
{
    private const int Tolerance = AnchoredChart.Tolerance;

    [Fact]
    public async Task WritePngAsync_DefaultSize_Writes1200By600Png()
    {
        var png = DecodedPng.Decode(await RenderAsync(new TimeSeriesChart("T", "Y", AnchoredChart.Anchors())));

        Assert.Equal((1200, 600), (png.HeaderWidth, png.HeaderHeight));
        Assert.Equal((1200, 600), (png.Width, png.Height));
    }

    [Fact]
    public async Task WritePngAsync_GivenSize_WritesThatSize()
    {
        var chart = new TimeSeriesChart("T", "Y", AnchoredChart.Anchors()) { Width = 800, Height = 450 };

        var png = DecodedPng.Decode(await RenderAsync(chart));

        Assert.Equal((800, 450), (png.HeaderWidth, png.HeaderHeight));
    }

    [Fact]
    public async Task WritePngAsync_ThreeSeries_DrawsEachInItsColourAcrossTheData()
    {
        var chart = await AnchoredChart.RenderAsync([Hourly("five", Enumerable.Range(0, 11), 5, Green)]);

        foreach (var (color, value) in new[] { (Blue, 0.0), (Green, 5.0), (Red, 10.0) })
        {
            var columns = chart.Png.ColumnsIn(chart.Y(value), color, Tolerance);
            Assert.Contains(chart.X(0.5), columns);
            Assert.Contains(chart.X(9.5), columns);
        }

        Assert.Equal(0, chart.Png.Count(Purple, Tolerance));
    }

    [Fact]
    public async Task WritePngAsync_DefaultColours_DrawsSeriesInDifferentColours()
    {
        Series[] series =
        [
            new("one", Enumerable.Range(0, 11).Select(h => new TimePoint(Start.AddHours(h), 1))),
            new("two", Enumerable.Range(0, 11).Select(h => new TimePoint(Start.AddHours(h), 2))),
        ];

        var png = DecodedPng.Decode(await RenderAsync(new TimeSeriesChart("T", "Y", series)));

        // Okabe and Ito's blue and vermillion, the palette's first two colours.
        Assert.True(png.Count(new ChartColor(0x00, 0x72, 0xB2), 10) > 500);
        Assert.True(png.Count(new ChartColor(0xD5, 0x5E, 0x00), 10) > 500);
    }

    [Fact]
    public async Task WritePngAsync_Legend_ShowsEachSeriesRightOfTheData()
    {
        var chart = await AnchoredChart.RenderAsync([Hourly("five", Enumerable.Range(0, 11), 5, Green)]);

        var rightOfData = chart.X(10) + 10;
        foreach (var color in new[] { Blue, Red, Green })
        {
            Assert.True(chart.Png.Count(color, Tolerance, fromX: rightOfData) > 10, $"No legend sample in {color}.");
        }
    }

    [Fact]
    public async Task WritePngAsync_Title_DrawsTextAboveTheData()
    {
        var chart = await AnchoredChart.RenderAsync([]);

        var dark = new ChartColor(0, 0, 0);
        Assert.True(chart.Png.Count(dark, 100, toY: chart.Y(10) - 30) > 100, "No dark text above the data.");
    }

    [Fact]
    public async Task WritePngAsync_MissingHours_LeavesAGapBetweenTheSegments()
    {
        int[] hours = [0, 1, 2, 3, 7, 8, 9, 10];

        var chart = await AnchoredChart.RenderAsync([Hourly("gappy", hours, 5, Green)]);

        var columns = chart.Png.ColumnsIn(chart.Y(5), Green, Tolerance);
        Assert.Contains(chart.X(2.5), columns);
        Assert.Contains(chart.X(8.5), columns);
        Assert.DoesNotContain(columns, x => x > chart.X(3) + 3 && x < chart.X(7) - 3);
    }

    [Fact]
    public async Task WritePngAsync_NoMissingHour_DrawsTheLineAcrossTheSameStretch()
    {
        var chart = await AnchoredChart.RenderAsync([Hourly("whole", Enumerable.Range(0, 11), 5, Green)]);

        var columns = chart.Png.ColumnsIn(chart.Y(5), Green, Tolerance);
        Assert.Contains(chart.X(5), columns);
    }

    [Fact]
    public async Task WritePngAsync_StepLongerThanTheGap_JoinsTheSegments()
    {
        var series = Hourly("gappy", [0, 1, 2, 3, 7, 8, 9, 10], 5, Green);

        var chart = await AnchoredChart.RenderAsync([new Series(series.Name, series.Points) { Color = Green, Step = TimeSpan.FromHours(3) }]);

        Assert.Contains(chart.X(5), chart.Png.ColumnsIn(chart.Y(5), Green, Tolerance));
    }

    [Fact]
    public async Task WritePngAsync_ReadingAloneBetweenGaps_DrawsAMarker()
    {
        var chart = await AnchoredChart.RenderAsync([Hourly("lonely", [0, 1, 2, 5, 8, 9, 10], 5, Green)]);

        var columns = chart.Png.ColumnsIn(chart.Y(5), Green, Tolerance);
        Assert.Contains(chart.X(5), columns);
        Assert.DoesNotContain(columns, x => (x > chart.X(2) + 3 && x < chart.X(5) - 5) || (x > chart.X(5) + 5 && x < chart.X(8) - 3));
    }

    [Fact]
    public async Task WritePngAsync_ReferenceLine_DrawnAtItsValue()
    {
        var chart = await AnchoredChart.RenderAsync([], referenceLines: [new ReferenceLine(2.5, "threshold") { Color = Purple }]);

        Assert.InRange(chart.Png.RowWithMost(Purple, Tolerance), chart.Y(2.5) - 2, chart.Y(2.5) + 2);
        Assert.True(chart.Png.Count(Purple, Tolerance, fromX: chart.X(0), toX: chart.X(10), fromY: chart.Y(2.5) - 1, toY: chart.Y(2.5) + 1) > 200);
    }

    [Fact]
    public async Task WritePngAsync_ReferenceLineOutsideTheData_WidensTheAxisToShowIt()
    {
        var chart = await AnchoredChart.RenderAsync([], referenceLines: [new ReferenceLine(15, "overflow") { Color = Purple }]);

        Assert.InRange(chart.Png.RowWithMost(Purple, Tolerance), chart.Y(15) - 2, chart.Y(15) + 2);
    }

    [Fact]
    public async Task WritePngAsync_ShadedSpan_ShadesItsColumnsOnly()
    {
        var shade = Blend(Orange, 0.2);

        var chart = await AnchoredChart.RenderAsync([], spans: [new ShadedSpan(Start.AddHours(2), Start.AddHours(4), "event") { Color = Orange }]);

        // Between two grid lines, which the shade tints.
        var columns = chart.Png.ColumnsIn(chart.Y(5.25), shade, 6);
        Assert.NotEmpty(columns);
        Assert.InRange(columns[0], chart.X(2) - 2, chart.X(2) + 2);
        Assert.InRange(columns[^1], chart.X(4) - 2, chart.X(4) + 2);
        Assert.True(columns.Length > (chart.X(4) - chart.X(2)) * 0.9, "The span is not shaded throughout.");
    }

    [Fact]
    public async Task WritePngAsync_Bars_EachCoversItsHour()
    {
        double[] depths = [1, 1, 1, 1, 8, 1, 1, 1, 1, 1];
        var chart = new TimeSeriesChart("Rain", "Depth", [Hourly("gauge", depths, Green)], ChartKind.Bar) { Unit = "mm" };

        var png = DecodedPng.Decode(await RenderAsync(chart));

        var lowRow = png.RowWithMost(Green, Tolerance);
        var (first, last) = (png.ColumnsIn(lowRow, Green, Tolerance)[0], png.ColumnsIn(lowRow, Green, Tolerance)[^1]);
        int X(double hour) => (int)Math.Round(first + ((last - first) * hour / 10));
        var tallBar = png.RowsIn(X(4.5), Green, Tolerance);
        var rowOfFive = (int)Math.Round(tallBar[^1] + ((tallBar[0] - tallBar[^1]) * 5.0 / 8));
        var aboveTheShortBars = png.ColumnsIn(rowOfFive, Green, Tolerance);
        Assert.InRange(aboveTheShortBars[0], X(4) - 2, X(4) + 2);
        Assert.InRange(aboveTheShortBars[^1], X(5) - 2, X(5) + 2);
    }

    [Fact]
    public async Task WritePngAsync_TwoBarSeries_DrawsThemSideBySideInEachHour()
    {
        double[] depths = [2, 2, 2, 2];
        var chart = new TimeSeriesChart("Rain", "Depth", [Hourly("a", depths, Green), Hourly("b", depths, Purple)], ChartKind.Bar);

        var png = DecodedPng.Decode(await RenderAsync(chart));

        // The bars of the four hours touch: their row is one run of colour across the data.
        var row = png.RowWithMost(Green, Tolerance);
        var bars = DecodedPng.FirstRun([.. png.ColumnsIn(row, Green, Tolerance).Concat(png.ColumnsIn(row, Purple, Tolerance)).Order()], 2);
        int X(double hour) => (int)Math.Round(bars[0] + ((bars[^1] - bars[0]) * hour / 4));
        for (var hour = 0; hour < 4; hour++)
        {
            Assert.True(png.Matches(X(hour + 0.25), row, Green, Tolerance), $"The first quarter of hour {hour} is not green.");
            Assert.True(png.Matches(X(hour + 0.75), row, Purple, Tolerance), $"The last quarter of hour {hour} is not purple.");
        }
    }

    [Fact]
    public async Task WritePngAsync_Cancelled_ThrowsAndWritesNothing()
    {
        using var destination = new MemoryStream();
        var chart = new TimeSeriesChart("T", "Y", AnchoredChart.Anchors());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => chart.WritePngAsync(destination, new CancellationToken(canceled: true)));

        Assert.Equal(0, destination.Length);
    }

    [Fact]
    public void Constructor_NoSeries_ThrowsNamingSeries()
    {
        var exception = Assert.Throws<ArgumentException>(() => new TimeSeriesChart("T", "Y", []));

        Assert.Equal("series", exception.ParamName);
        Assert.Contains("at least one series", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_OnlyEmptySeries_ThrowsNothingToDraw()
    {
        var exception = Assert.Throws<ArgumentException>(() => new TimeSeriesChart("T", "Y", [new Series("empty", [])]));

        Assert.Contains("No series has a point", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_TwoSeriesOfOneName_ThrowsNamingIt()
    {
        var exception = Assert.Throws<ArgumentException>(() =>
            new TimeSeriesChart("T", "Y", [Hourly("lomme", [0], 1, Green), Hourly("lomme", [1], 2, Blue)]));

        Assert.Contains("'lomme'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_BarOfOnePointWithoutStep_ThrowsAskingForAStep()
    {
        var exception = Assert.Throws<ArgumentException>(() =>
            new TimeSeriesChart("T", "Y", [Hourly("gauge", [0], 1, Green)], ChartKind.Bar));

        Assert.Contains("'gauge'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Step", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Constructor_BarOfOnePointWithStep_DrawsIt()
    {
        var series = new Series("gauge", [new TimePoint(Start, 3)]) { Color = Green, Step = TimeSpan.FromHours(1) };

        var png = DecodedPng.Decode(await RenderAsync(new TimeSeriesChart("T", "Y", [series], ChartKind.Bar)));

        Assert.True(png.Count(Green, Tolerance) > 1000);
    }

    [Theory]
    [InlineData("", "Y")]
    [InlineData(" ", "Y")]
    [InlineData("T", "")]
    public void Constructor_BlankTitleOrLabel_Throws(string title, string yAxisLabel) =>
        Assert.ThrowsAny<ArgumentException>(() => new TimeSeriesChart(title, yAxisLabel, AnchoredChart.Anchors()));

    [Theory]
    [InlineData(0, 600, "Width")]
    [InlineData(-1, 600, "Width")]
    [InlineData(1200, 0, "Height")]
    [InlineData(10_001, 600, "Width")]
    public void Size_OutOfRange_ThrowsNamingTheSide(int width, int height, string side)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new TimeSeriesChart("T", "Y", AnchoredChart.Anchors()) { Width = width, Height = height });

        Assert.Equal(side, exception.ParamName);
    }

    [Fact]
    public void Spans_NullItem_ThrowsNamingSpans()
    {
        var exception = Assert.Throws<ArgumentException>(() =>
            new TimeSeriesChart("T", "Y", AnchoredChart.Anchors()) { Spans = [null!] });

        Assert.Equal("Spans", exception.ParamName);
    }

    private static ChartColor Blend(ChartColor color, double opacity)
    {
        static byte Channel(byte value, double opacity) => (byte)Math.Round((value * opacity) + (255 * (1 - opacity)));
        return new ChartColor(Channel(color.R, opacity), Channel(color.G, opacity), Channel(color.B, opacity));
    }
}
