namespace UrbanSensing.Analytics.Charts;

/// <summary>
/// A gridded value over a latitude-longitude box, written as a PNG: cells coloured on a diverging scale centred on 0
/// (blue below, white at 0, red above) with its colour bar, the places it was interpolated from marked and labelled,
/// and the axes in degrees. The box is drawn with kilometres square: a degree of longitude is cos(latitude) of one
/// of latitude.
/// </summary>
public sealed class MapChart
{
    /// <param name="values">One value per cell, [row, column], row 0 the southernmost; NaN for a cell without a value, left blank.</param>
    /// <exception cref="ArgumentException">A label is blank, the grid is empty or holds an infinity, no cell has a value, or the box is not a box.</exception>
    public MapChart(string title, string valueLabel, double[,] values, double south, double west, double north, double east, IEnumerable<MapPoint> points)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(valueLabel);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(points);
        if (values.Length == 0)
        {
            throw new ArgumentException("The grid has no cell.", nameof(values));
        }

        var cells = values.Cast<double>().ToArray();
        if (cells.Any(double.IsInfinity))
        {
            throw new ArgumentException("A cell is infinite; give NaN for a cell without a value.", nameof(values));
        }

        if (cells.All(double.IsNaN))
        {
            throw new ArgumentException("No cell has a value; there is nothing to draw.", nameof(values));
        }

        if (!(south >= -90 && north <= 90 && south < north && west >= -180 && east <= 180 && west < east))
        {
            throw new ArgumentException(FormattableString.Invariant($"The box {south}..{north} °N, {west}..{east} °E is not a box: south must be below north and west of east, within ±90 and ±180."), nameof(values));
        }

        var copied = points.ToArray();
        if (copied.Any(point => string.IsNullOrWhiteSpace(point.Label) || !double.IsFinite(point.Latitude) || !double.IsFinite(point.Longitude)))
        {
            throw new ArgumentException("A point has no label or no finite coordinates.", nameof(points));
        }

        Title = title;
        ValueLabel = valueLabel;
        Values = (double[,])values.Clone();
        (South, West, North, East) = (south, west, north, east);
        Points = copied;
    }

    public string Title { get; }

    /// <summary>What the colours mean, without its unit (see <see cref="Unit"/>).</summary>
    public string ValueLabel { get; }

    public double[,] Values { get; }

    public double South { get; }

    public double West { get; }

    public double North { get; }

    public double East { get; }

    public IReadOnlyList<MapPoint> Points { get; }

    /// <summary>The values' unit, written after the colour bar's label in parentheses ("K"); none when null.</summary>
    public string? Unit { get; init; }

    /// <summary>Pixels, 1 to 10 000; 1000 by default. The height follows from the box's shape.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 1 to 10 000.</exception>
    public int Width
    {
        get;
        init => field = value is >= 1 and <= TimeSeriesChart.MaximumSide
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Width), value, $"Width must be 1 to {TimeSeriesChart.MaximumSide} pixels.");
    } = 1000;

    /// <summary>Draws the map and writes it to <paramref name="destination"/> as a PNG.</summary>
    /// <exception cref="InvalidOperationException">No font is installed, so the map's text could not be drawn.</exception>
    public async Task WritePngAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        cancellationToken.ThrowIfCancellationRequested();
        var png = MapRenderer.RenderPng(this, ChartFont.Choose(ChartFont.InstalledFamilies()));
        await destination.WriteAsync(png, cancellationToken).ConfigureAwait(false);
    }
}
