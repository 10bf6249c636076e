namespace UrbanSensing.Analytics.Charts.Tests;

public sealed class MapChartTests
{
    // A box of about 14 × 11 km around Lille, a 20 × 30 grid: the western half 2 K warmer, the eastern half 2 K cooler.
    private const double South = 50.58, West = 2.98, North = 50.68, East = 3.18;

    private static readonly ChartColor DeepRed = new(139, 0, 0);
    private static readonly ChartColor Navy = new(0, 0, 128);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WritePngAsync_WarmWestCoolEast_DrawsRedLeftBlueRightAtTheBoxsShape()
    {
        var png = await RenderAsync(new MapChart("Heat island", "Heat island", HalfAndHalf(), South, West, North, East, [new MapPoint("fives", 50.63, 3.09)]) { Unit = "K" });

        Assert.Equal(1000, png.Width);
        // 0.1° of latitude is 11.1 km, 0.2° of longitude at 50.63° N 14.1 km: the map is 0.79 as tall as wide, plus margins.
        Assert.InRange(png.Height, ((1000 - 220) * 0.78) + 120, ((1000 - 220) * 0.80) + 140);
        var reds = png.Count(DeepRed, 40, toX: png.Width / 2);
        var blues = png.Count(Navy, 40, toX: png.Width / 2);
        Assert.True(reds > 10_000, $"{reds} deep-red pixels in the western half");
        Assert.True(blues < reds / 10, $"{blues} navy pixels in the western half");
        Assert.True(png.Count(Navy, 40, fromX: png.Width / 2, toX: png.Width - 150) > 10_000, "the eastern half is not navy");
    }

    [Fact]
    public async Task WritePngAsync_CellsWithoutValue_LeftBlank()
    {
        var values = HalfAndHalf();
        for (var row = 0; row < values.GetLength(0); row++)
        {
            for (var column = 0; column < values.GetLength(1) / 2; column++)
            {
                values[row, column] = double.NaN;
            }
        }

        var png = await RenderAsync(new MapChart("Heat island", "Heat island", values, South, West, North, East, []));

        Assert.True(png.Count(DeepRed, 40, toX: png.Width / 2) < 100, "blank cells were coloured");
        Assert.True(png.Count(Navy, 40, fromX: png.Width / 2, toX: png.Width - 150) > 10_000);
    }

    [Fact]
    public void Constructor_NoCellWithAValue_ThrowsSayingNothingToDraw()
    {
        var values = new double[2, 2] { { double.NaN, double.NaN }, { double.NaN, double.NaN } };

        var error = Assert.Throws<ArgumentException>(() => new MapChart("t", "v", values, South, West, North, East, []));

        Assert.Contains("No cell has a value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_SouthAboveNorth_ThrowsNamingTheBox()
    {
        var error = Assert.Throws<ArgumentException>(() => new MapChart("t", "v", HalfAndHalf(), North, West, South, East, []));

        Assert.Contains("is not a box", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_InfiniteCell_ThrowsSayingToGiveNaN()
    {
        var values = HalfAndHalf();
        values[3, 3] = double.PositiveInfinity;

        var error = Assert.Throws<ArgumentException>(() => new MapChart("t", "v", values, South, West, North, East, []));

        Assert.Contains("give NaN for a cell without a value", error.Message, StringComparison.Ordinal);
    }

    private static double[,] HalfAndHalf()
    {
        var values = new double[20, 30];
        for (var row = 0; row < 20; row++)
        {
            for (var column = 0; column < 30; column++)
            {
                values[row, column] = column < 15 ? 2 : -2;
            }
        }

        return values;
    }

    private static async Task<DecodedPng> RenderAsync(MapChart chart)
    {
        using var buffer = new MemoryStream();
        await chart.WritePngAsync(buffer, Token);
        return DecodedPng.Decode(buffer.ToArray());
    }
}
