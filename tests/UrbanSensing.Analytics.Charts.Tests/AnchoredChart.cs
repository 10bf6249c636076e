namespace UrbanSensing.Analytics.Charts.Tests;

/// <summary>
/// A line chart drawn with two flat anchor series over hours 0 to 10, blue at 0 and red at 10, from whose pixels the
/// image's scale is read: any hour and value can then be placed on the image.
/// </summary>
internal sealed class AnchoredChart
{
    public const int Tolerance = 40;

    private readonly double _zeroRow;
    private readonly double _tenRow;
    private readonly int _firstColumn;
    private readonly int _lastColumn;

    private AnchoredChart(DecodedPng png)
    {
        Png = png;
        _zeroRow = png.RowWithMost(Charts.Blue, Tolerance);
        _tenRow = png.RowWithMost(Charts.Red, Tolerance);
        var line = DecodedPng.FirstRun(png.ColumnsIn((int)_zeroRow, Charts.Blue, Tolerance), 2);
        (_firstColumn, _lastColumn) = (line[0], line[^1]);
        Assert.True(_tenRow < _zeroRow - 100, $"The red line at 10 (row {_tenRow}) should be well above the blue one at 0 (row {_zeroRow}).");
        Assert.True(_lastColumn - _firstColumn > 500, $"The anchor line runs from column {_firstColumn} to {_lastColumn} only.");
    }

    public DecodedPng Png { get; }

    public static IEnumerable<Series> Anchors() =>
        [Charts.Hourly("zero", Enumerable.Range(0, 11), 0, Charts.Blue), Charts.Hourly("ten", Enumerable.Range(0, 11), 10, Charts.Red)];

    public static async Task<AnchoredChart> RenderAsync(
        IEnumerable<Series> subjects, IReadOnlyList<ReferenceLine>? referenceLines = null, IReadOnlyList<ShadedSpan>? spans = null)
    {
        var chart = new TimeSeriesChart("Anchored", "Value", Anchors().Concat(subjects))
        {
            ReferenceLines = referenceLines ?? [],
            Spans = spans ?? [],
        };
        return new AnchoredChart(DecodedPng.Decode(await Charts.RenderAsync(chart)));
    }

    public int X(double hour) => (int)Math.Round(_firstColumn + ((_lastColumn - _firstColumn) * hour / 10));

    public int Y(double value) => (int)Math.Round(_zeroRow + ((_tenRow - _zeroRow) * value / 10));
}
