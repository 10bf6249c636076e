namespace UrbanSensing.Analytics.Charts.Tests;

/// <summary>Series and colours the chart tests draw with, and a way to render a chart to bytes.</summary>
internal static class Charts
{
    public static readonly DateTimeOffset Start = new(2025, 7, 14, 0, 0, 0, TimeSpan.Zero);

    // Colours far from each other and from the default palette, the grid and the text.
    public static readonly ChartColor Blue = new(20, 20, 220);
    public static readonly ChartColor Red = new(220, 20, 20);
    public static readonly ChartColor Green = new(20, 160, 20);
    public static readonly ChartColor Purple = new(160, 20, 160);
    public static readonly ChartColor Orange = new(230, 120, 0);

    public static Series Hourly(string name, IEnumerable<int> hours, double value, ChartColor color) =>
        new(name, hours.Select(hour => new TimePoint(Start.AddHours(hour), value))) { Color = color };

    public static Series Hourly(string name, double[] values, ChartColor color) =>
        new(name, values.Select((value, hour) => new TimePoint(Start.AddHours(hour), value))) { Color = color };

    public static async Task<byte[]> RenderAsync(TimeSeriesChart chart)
    {
        using var png = new MemoryStream();
        await chart.WritePngAsync(png, TestContext.Current.CancellationToken);
        return png.ToArray();
    }
}
