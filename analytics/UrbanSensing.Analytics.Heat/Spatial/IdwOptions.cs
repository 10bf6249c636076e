using System.ComponentModel.DataAnnotations;

namespace UrbanSensing.Analytics.Heat.Spatial;

/// <summary>Options of inverse distance weighting (Shepard, D., 1968: "A two-dimensional interpolation function for irregularly-spaced data", Proc. 23rd ACM National Conference, 517–524).</summary>
public sealed class IdwOptions
{
    public const string SectionName = "Heat:Idw";

    /// <summary>The exponent p of the weights 1/dᵖ; 2 by default, Shepard's choice and the usual one.</summary>
    [Range(double.Epsilon, double.MaxValue)]
    public double Power { get; init; } = 2.0;

    /// <summary>Only stations at most this far count, in kilometres; <see langword="null"/> (the default) for all.</summary>
    [Range(double.Epsilon, double.MaxValue)]
    public double? SearchRadiusKilometres { get; init; }

    /// <summary>Only this many nearest stations count; <see langword="null"/> (the default) for all.</summary>
    [Range(1, int.MaxValue)]
    public int? MaximumNeighbours { get; init; }

    internal void Validate()
    {
        if (!double.IsFinite(Power) || Power <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Power), Power, "Power must be a finite number greater than 0 (2 by default).");
        }

        if (SearchRadiusKilometres is { } radius && (!double.IsFinite(radius) || radius <= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(SearchRadiusKilometres), radius, "SearchRadiusKilometres must be a finite number of kilometres greater than 0, or null for no limit.");
        }

        if (MaximumNeighbours is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumNeighbours), MaximumNeighbours, "MaximumNeighbours must be at least 1, or null for no limit.");
        }
    }
}
