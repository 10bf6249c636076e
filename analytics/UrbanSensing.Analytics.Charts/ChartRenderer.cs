using ScottPlot;
using ScottPlot.TickGenerators;

namespace UrbanSensing.Analytics.Charts;

/// <summary>Draws a <see cref="TimeSeriesChart"/> with ScottPlot; x coordinates are UTC instants as OLE Automation dates.</summary>
internal static class ChartRenderer
{
    private const float LineWidth = 2;
    private const float MarkerSize = 6;
    private const double GapInSteps = 1.5;

    // Room the y axis, its label and the legend take from the width, and the width of one time label.
    private const int ReservedWidth = 300;
    private const int TickSpacing = 110;

    private static readonly LinePattern[] PatternsAfterEachPaletteRound = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted];

    public static byte[] RenderPng(TimeSeriesChart chart, string fontFamily)
    {
        using var plot = new Plot();
        plot.Font.Set(fontFamily);
        plot.Title(chart.Title, 20);
        plot.YLabel(chart.Unit is null ? chart.YAxisLabel : $"{chart.YAxisLabel} ({chart.Unit})", 15);
        plot.XLabel($"Time ({chart.TimeZone.Id})", 15);

        foreach (var span in chart.Spans)
        {
            var shade = plot.Add.HorizontalSpan(X(span.Start), X(span.End), Color(span.Color ?? ChartPalette.Span).WithAlpha(ChartPalette.SpanOpacity));
            shade.LineWidth = 0;
        }

        if (chart.Kind == ChartKind.Bar)
        {
            AddBars(plot, chart.Series);
        }
        else
        {
            AddLines(plot, chart.Series);
        }

        var (from, to) = TimeRange(chart);
        foreach (var reference in chart.ReferenceLines)
        {
            AddReferenceLine(plot, reference, to);
        }

        SetLimits(plot, chart, from, to);
        var ticks = TimeTicks.Create(from, to, chart.TimeZone, Math.Max(2, (chart.Width - ReservedWidth) / TickSpacing));
        plot.Axes.Bottom.TickGenerator = new NumericManual([.. ticks.Select(t => X(t.Instant))], [.. ticks.Select(t => t.Label)]);

        AddLegend(plot, chart);
        return plot.GetImageBytes(chart.Width, chart.Height, ImageFormat.Png);
    }

    private static void AddLines(Plot plot, IReadOnlyList<Series> series)
    {
        for (var i = 0; i < series.Count; i++)
        {
            var (color, pattern) = Style(series[i], i);
            foreach (var segment in Segments(series[i]))
            {
                var xs = segment.Select(p => X(p.Time)).ToArray();
                var ys = segment.Select(p => p.Value).ToArray();
                if (segment.Length == 1)
                {
                    // A reading alone between two gaps has no line to be part of: a marker keeps it visible.
                    var marker = plot.Add.ScatterPoints(xs, ys, color);
                    marker.MarkerSize = MarkerSize;
                }
                else
                {
                    var line = plot.Add.ScatterLine(xs, ys, color);
                    line.LineWidth = LineWidth;
                    line.LinePattern = pattern;
                }
            }
        }
    }

    /// <summary>The runs of points with no gap longer than 1.5 steps between them.</summary>
    internal static IEnumerable<TimePoint[]> Segments(Series series)
    {
        if (series.Points.Count == 0)
        {
            yield break;
        }

        var maximumGap = series.EffectiveStep * GapInSteps;
        var start = 0;
        for (var i = 1; i < series.Points.Count; i++)
        {
            if (series.Points[i].Time - series.Points[i - 1].Time > maximumGap)
            {
                yield return Slice(series.Points, start, i);
                start = i;
            }
        }

        yield return Slice(series.Points, start, series.Points.Count);
    }

    private static void AddBars(Plot plot, IReadOnlyList<Series> series)
    {
        for (var i = 0; i < series.Count; i++)
        {
            if (series[i].Points.Count == 0)
            {
                continue;
            }

            var color = Style(series[i], i).Color;
            var width = series[i].EffectiveStep!.Value.TotalDays / series.Count;
            var bars = series[i].Points.Select(point => new Bar
            {
                Position = X(point.Time) + (width * (i + 0.5)),
                Value = point.Value,
                Size = width,
                FillColor = color,
                LineWidth = 0,
            });
            plot.Add.Bars(bars.ToArray());
        }
    }

    private static void AddReferenceLine(Plot plot, ReferenceLine reference, DateTimeOffset to)
    {
        var color = Color(reference.Color ?? ChartPalette.ReferenceLine);
        var line = plot.Add.HorizontalLine(reference.Value, 1.5f, color, LinePattern.Dashed);
        line.EnableAutoscale = false;
        var label = plot.Add.Text(reference.Label, X(to), reference.Value);
        label.Alignment = Alignment.LowerRight;
        label.LabelFontSize = 13;
        label.LabelFontColor = color;
        label.LabelBackgroundColor = Colors.White.WithAlpha(0.75);
        label.OffsetX = -4;
        label.OffsetY = -3;
    }

    private static void AddLegend(Plot plot, TimeSeriesChart chart)
    {
        for (var i = 0; i < chart.Series.Count; i++)
        {
            var (color, pattern) = Style(chart.Series[i], i);
            plot.Legend.ManualItems.Add(chart.Kind == ChartKind.Bar
                ? new LegendItem { LabelText = chart.Series[i].Name, FillColor = color }
                : new LegendItem { LabelText = chart.Series[i].Name, LineColor = color, LineWidth = LineWidth, LinePattern = pattern });
        }

        foreach (var span in chart.Spans.Where(s => s.Label is not null).DistinctBy(s => (s.Label, s.Color)))
        {
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = span.Label!,
                FillColor = Color(span.Color ?? ChartPalette.Span).WithAlpha(ChartPalette.SpanOpacity),
            });
        }

        plot.Legend.FontSize = 13;
        plot.ShowLegend(Edge.Right);
    }

    private static (DateTimeOffset From, DateTimeOffset To) TimeRange(TimeSeriesChart chart)
    {
        var times = chart.Series.SelectMany(s => s.Points.Select(p => p.Time))
            .Concat(chart.Kind == ChartKind.Bar ? chart.Series.Where(s => s.Points.Count > 0).Select(s => s.Points[^1].Time + s.EffectiveStep!.Value) : [])
            .Concat(chart.Spans.SelectMany(s => new[] { s.Start, s.End }))
            .ToArray();
        var (from, to) = (times.Min(), times.Max());
        if (from == to)
        {
            // One instant to show: an hour either side of it.
            return (from.AddHours(-1), to.AddHours(1));
        }

        return (from, to);
    }

    private static void SetLimits(Plot plot, TimeSeriesChart chart, DateTimeOffset from, DateTimeOffset to)
    {
        var values = chart.Series.SelectMany(s => s.Points.Select(p => p.Value))
            .Concat(chart.ReferenceLines.Select(r => r.Value))
            .Concat(chart.Kind == ChartKind.Bar ? [0.0] : [])
            .ToArray();
        var (bottom, top) = (values.Min(), values.Max());
        var margin = top > bottom ? (top - bottom) * 0.05 : Math.Max(Math.Abs(top) * 0.1, 1);
        // Bars stand on zero: no margin below it.
        var barsFromZero = chart.Kind == ChartKind.Bar && bottom == 0;
        plot.Axes.SetLimits(X(from), X(to), barsFromZero ? 0 : bottom - margin, top + margin);
    }

    private static (ScottPlot.Color Color, LinePattern Pattern) Style(Series series, int index) =>
        (Color(series.Color ?? ChartPalette.Series[index % ChartPalette.Series.Length]),
            PatternsAfterEachPaletteRound[index / ChartPalette.Series.Length % PatternsAfterEachPaletteRound.Length]);

    private static TimePoint[] Slice(IReadOnlyList<TimePoint> points, int start, int end) =>
        [.. Enumerable.Range(start, end - start).Select(i => points[i])];

    private static ScottPlot.Color Color(ChartColor color) => new(color.R, color.G, color.B);

    private static double X(DateTimeOffset instant) => instant.UtcDateTime.ToOADate();
}
