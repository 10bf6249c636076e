namespace UrbanSensing.Analytics.Charts;

/// <summary>
/// A shaded stretch of time [<see cref="Start"/>, <see cref="End"/>): a heat-wave episode, a rain event. Named so as
/// not to be mistaken for <see cref="Span{T}"/>.
/// </summary>
public sealed class ShadedSpan
{
    /// <exception cref="ArgumentException">The span does not end after it starts, or the label is blank.</exception>
    public ShadedSpan(DateTimeOffset start, DateTimeOffset end, string? label = null)
    {
        if (end <= start)
        {
            throw new ArgumentException($"The span from {start:O} ends at {end:O}; a span must end after it starts.", nameof(end));
        }

        if (label is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(label);
        }

        Start = start;
        End = end;
        Label = label;
    }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    /// <summary>The legend's text, once for all the spans that share it; none when null.</summary>
    public string? Label { get; }

    /// <summary>The shade's colour, drawn at 20 % opacity so the series stay visible; grey by default.</summary>
    public ChartColor? Color { get; init; }
}
