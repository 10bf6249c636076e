using ScottPlot;

namespace UrbanSensing.Analytics.Charts;

/// <summary>Draws a <see cref="MapChart"/> with ScottPlot: x is longitude, y latitude.</summary>
internal static class MapRenderer
{
    // Room the axes, the title and the colour bar take around the map itself.
    private const int MarginWidth = 220;
    private const int MarginHeight = 130;
    private const float MarkerSize = 7;

    public static byte[] RenderPng(MapChart map, string fontFamily)
    {
        using var plot = new Plot();
        plot.Font.Set(fontFamily);
        plot.Title(map.Title, 18);
        plot.XLabel("Longitude (°E)", 14);
        plot.YLabel("Latitude (°N)", 14);

        // ScottPlot draws intensities[0, ·] at the top: the grid's row 0 is its southernmost.
        var rows = map.Values.GetLength(0);
        var columns = map.Values.GetLength(1);
        var intensities = new double[rows, columns];
        for (var row = 0; row < rows; row++)
        {
            for (var column = 0; column < columns; column++)
            {
                intensities[rows - 1 - row, column] = map.Values[row, column];
            }
        }

        var reach = map.Values.Cast<double>().Where(double.IsFinite).Max(Math.Abs);
        var heatmap = plot.Add.Heatmap(intensities);
        heatmap.Extent = new CoordinateRect(map.West, map.East, map.South, map.North);
        heatmap.Colormap = new ScottPlot.Colormaps.CustomInterpolated([Colors.Navy, Colors.RoyalBlue, Colors.White, Colors.OrangeRed, Colors.DarkRed]);
        heatmap.ManualRange = new ScottPlot.Range(-Math.Max(reach, 1e-9), Math.Max(reach, 1e-9));
        heatmap.NaNCellColor = Colors.Transparent;
        var colorBar = plot.Add.ColorBar(heatmap);
        colorBar.Label = map.Unit is null ? map.ValueLabel : $"{map.ValueLabel} ({map.Unit})";
        colorBar.LabelStyle.FontSize = 14;

        foreach (var point in map.Points)
        {
            var marker = plot.Add.Marker(point.Longitude, point.Latitude, MarkerShape.FilledCircle, MarkerSize, Colors.Black);
            marker.MarkerLineColor = Colors.White;
            var label = plot.Add.Text(point.Label, point.Longitude, point.Latitude);
            label.LabelFontSize = 12;
            label.LabelFontColor = Colors.Black;
            label.LabelBackgroundColor = Colors.White.WithAlpha(0.7);
            label.OffsetX = 6;
            label.OffsetY = -6;
        }

        plot.Axes.SetLimits(map.West, map.East, map.South, map.North);
        // Both spans in degrees of latitude, which are of one length everywhere.
        var tall = map.North - map.South;
        var wide = (map.East - map.West) * Math.Cos(double.DegreesToRadians((map.South + map.North) / 2));
        var dataWidth = Math.Max(1, map.Width - MarginWidth);
        var height = Math.Clamp((int)Math.Round(dataWidth * tall / wide) + MarginHeight, 1, TimeSeriesChart.MaximumSide);
        return plot.GetImageBytes(map.Width, height, ImageFormat.Png);
    }
}
