using System.ComponentModel.DataAnnotations;

namespace UrbanSensing.Analytics.Heat.Spatial;

/// <summary>Options of the Getis-Ord Gi* hot spot analysis.</summary>
public sealed class HotSpotOptions
{
    public const string SectionName = "Heat:HotSpots";

    /// <summary>Stations at most this far apart, in kilometres, are neighbours. No default: it depends on the network's spacing.</summary>
    [Range(double.Epsilon, double.MaxValue)]
    public required double DistanceBandKilometres { get; init; }

    public SpatialWeighting Weighting { get; init; } = SpatialWeighting.Binary;

    /// <summary>Two-sided significance level α: a station is a hot or cold spot when its p-value is below it; 0.05 by default.</summary>
    [Range(double.Epsilon, 1.0)]
    public double SignificanceLevel { get; init; } = 0.05;

    internal void Validate()
    {
        if (!double.IsFinite(DistanceBandKilometres) || DistanceBandKilometres <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(DistanceBandKilometres), DistanceBandKilometres, "DistanceBandKilometres must be a finite number of kilometres greater than 0.");
        }

        if (!Enum.IsDefined(Weighting))
        {
            throw new ArgumentOutOfRangeException(nameof(Weighting), Weighting, "Weighting must be Binary or InverseDistance.");
        }

        if (!(SignificanceLevel is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(SignificanceLevel), SignificanceLevel, "SignificanceLevel must be greater than 0 and less than 1 (0.05 by default).");
        }
    }
}
