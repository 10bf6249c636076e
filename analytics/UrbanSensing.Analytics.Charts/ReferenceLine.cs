namespace UrbanSensing.Analytics.Charts;

/// <summary>A labelled horizontal line across the chart: a threshold, a basin's overflow level.</summary>
public sealed class ReferenceLine
{
    /// <exception cref="ArgumentException">The value is NaN or infinite, or the label is blank.</exception>
    public ReferenceLine(double value, string label)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"Reference line '{label}': the value must be finite.");
        }

        Value = value;
        Label = label;
    }

    /// <summary>The height of the line, in the unit of the chart's y axis.</summary>
    public double Value { get; }

    /// <summary>Written on the chart above the line's right end.</summary>
    public string Label { get; }

    /// <summary>The line and label colour; dark grey by default.</summary>
    public ChartColor? Color { get; init; }
}
