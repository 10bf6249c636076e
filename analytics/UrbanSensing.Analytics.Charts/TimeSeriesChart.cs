namespace UrbanSensing.Analytics.Charts;

/// <summary>
/// A chart of several named series over time, written as a PNG: a title, a y axis labelled with its unit, a time axis
/// on a time zone's wall clock, optional reference lines and shaded spans, and a legend.
/// </summary>
public sealed class TimeSeriesChart
{
    // Past this a PNG takes hundreds of megabytes to draw, which no report needs.
    internal const int MaximumSide = 10_000;

    /// <exception cref="ArgumentException">
    /// The title or label is blank; there is no series, two series share a name, no series has a point, or, for
    /// bars, a series of one point has no <see cref="Charts.Series.Step"/> to make its bar's width.
    /// </exception>
    public TimeSeriesChart(string title, string yAxisLabel, IEnumerable<Series> series, ChartKind kind = ChartKind.Line)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(yAxisLabel);
        ArgumentNullException.ThrowIfNull(series);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a chart kind.");
        }

        var copied = series.ToArray();
        if (copied.Length == 0)
        {
            throw new ArgumentException("A chart needs at least one series.", nameof(series));
        }

        if (copied.Any(s => s is null))
        {
            throw new ArgumentException("A series is null.", nameof(series));
        }

        var duplicate = copied.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two series are named '{duplicate.Key}'; the legend could not tell them apart.", nameof(series));
        }

        if (copied.All(s => s.Points.Count == 0))
        {
            throw new ArgumentException("No series has a point; there is nothing to draw.", nameof(series));
        }

        if (kind == ChartKind.Bar && copied.FirstOrDefault(s => s.Points.Count == 1 && s.Step is null) is { } widthless)
        {
            throw new ArgumentException($"Series '{widthless.Name}' has one point, so its bar's width cannot be taken from its spacing: give it a Step.", nameof(series));
        }

        Title = title;
        YAxisLabel = yAxisLabel;
        Series = copied;
        Kind = kind;
    }

    public string Title { get; }

    /// <summary>The quantity on the y axis, without its unit (see <see cref="Unit"/>).</summary>
    public string YAxisLabel { get; }

    public IReadOnlyList<Series> Series { get; }

    public ChartKind Kind { get; }

    /// <summary>The unit of the y axis, written after its label in parentheses ("°C", "mm"); none when null.</summary>
    public string? Unit { get; init; }

    public IReadOnlyList<ReferenceLine> ReferenceLines
    {
        get;
        init => field = Validated(value, nameof(ReferenceLines));
    } = [];

    public IReadOnlyList<ShadedSpan> Spans
    {
        get;
        init => field = Validated(value, nameof(Spans));
    } = [];

    /// <summary>The wall clock of the time axis (Europe/Paris for Lille's local time); UTC by default.</summary>
    public TimeZoneInfo TimeZone
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(TimeZone));
    } = TimeZoneInfo.Utc;

    /// <summary>Pixels, 1 to 10 000; 1200 by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 1 to 10 000.</exception>
    public int Width
    {
        get;
        init => field = ValidatedSide(value, nameof(Width));
    } = 1200;

    /// <summary>Pixels, 1 to 10 000; 600 by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 1 to 10 000.</exception>
    public int Height
    {
        get;
        init => field = ValidatedSide(value, nameof(Height));
    } = 600;

    /// <summary>Draws the chart and writes it to <paramref name="destination"/> as a PNG.</summary>
    /// <exception cref="InvalidOperationException">No font is installed, so the chart's text could not be drawn.</exception>
    public async Task WritePngAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        cancellationToken.ThrowIfCancellationRequested();
        var png = ChartRenderer.RenderPng(this, ChartFont.Choose(ChartFont.InstalledFamilies()));
        await destination.WriteAsync(png, cancellationToken).ConfigureAwait(false);
    }

    private static T[] Validated<T>(IReadOnlyList<T> items, string propertyName)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(items, propertyName);
        var copied = items.ToArray();
        if (copied.Any(item => item is null))
        {
            throw new ArgumentException($"{propertyName} holds a null.", propertyName);
        }

        return copied;
    }

    private static int ValidatedSide(int pixels, string propertyName) =>
        pixels is >= 1 and <= MaximumSide
            ? pixels
            : throw new ArgumentOutOfRangeException(propertyName, pixels, $"{propertyName} must be 1 to {MaximumSide} pixels.");
}
