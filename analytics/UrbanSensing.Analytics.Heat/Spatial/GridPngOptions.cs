namespace UrbanSensing.Analytics.Heat.Spatial;

/// <summary>How <see cref="GridPng"/> draws a grid.</summary>
public sealed record GridPngOptions
{
    /// <summary>Pixels on each side of a cell, 1 to 64.</summary>
    public int CellPixels { get; init; } = 8;

    /// <summary>The value drawn white: 0 for heat-island intensities, a reference temperature for temperatures.</summary>
    public double Centre { get; init; }

    /// <summary>The distance from <see cref="Centre"/> drawn in full colour; the grid's largest distance when null.</summary>
    public double? Span { get; init; }

    internal void Validate()
    {
        if (CellPixels is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(CellPixels), CellPixels, "CellPixels is from 1 to 64.");
        }

        if (!double.IsFinite(Centre))
        {
            throw new ArgumentOutOfRangeException(nameof(Centre), Centre, "Centre is a finite number.");
        }

        if (Span is { } span && !(double.IsFinite(span) && span > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(Span), span, "Span is a finite number above zero, or null for the grid's own.");
        }
    }
}
