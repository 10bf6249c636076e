using UrbanSensing.Analytics.Statistics;
namespace UrbanSensing.Analytics.Heat.Spatial;

/// <summary>
/// Getis-Ord Gi* hot spots (Getis, A. and Ord, J. K., 1992: "The Analysis of Spatial Association by Use of Distance
/// Statistics", Geographical Analysis 24(3), 189–206; Ord, J. K. and Getis, A., 1995: "Local Spatial
/// Autocorrelation Statistics: Distributional Issues and an Application", Geographical Analysis 27(4), 286–306), in
/// the standardized form ArcGIS's Hot Spot Analysis also uses, with X̄ = Σⱼxⱼ/n and S = √(Σⱼxⱼ²/n − X̄²):
/// <code>
/// Gi* = (Σⱼ wᵢⱼ xⱼ − X̄ Σⱼ wᵢⱼ) / (S √((n Σⱼ wᵢⱼ² − (Σⱼ wᵢⱼ)²) / (n − 1)))
/// </code>
/// where j runs over all n stations, i included (the star). Under the null hypothesis of no spatial association Gi*
/// is approximately standard normal; the p-value is two-sided.
/// </summary>
public sealed class GetisOrdGiStar
{
    private readonly HotSpotOptions _options;

    public GetisOrdGiStar(HotSpotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <exception cref="ArgumentException">Fewer than 3 stations, all values equal, or (inverse distance) two stations at the same place.</exception>
    public IReadOnlyList<HotSpot> Analyze(IReadOnlyList<Station> stations)
    {
        Station.ValidateAll(stations, nameof(stations));
        var n = stations.Count;
        if (n < 3)
        {
            throw new ArgumentException($"Gi* needs at least 3 stations; {n} were given.", nameof(stations));
        }

        var mean = stations.Average(station => station.Value);
        var variance = stations.Average(station => station.Value * station.Value) - (mean * mean);
        if (variance <= 1e-12 * Math.Max(1.0, mean * mean))
        {
            throw new ArgumentException("All stations have the same value; Gi* needs values that vary.", nameof(stations));
        }

        var s = Math.Sqrt(variance);
        var spots = new List<HotSpot>(n);
        for (var i = 0; i < n; i++)
        {
            double weightedValues = 0, weights = 0, squaredWeights = 0;
            var neighbours = 0;
            for (var j = 0; j < n; j++)
            {
                var weight = Weight(stations, i, j);
                if (weight == 0)
                {
                    continue;
                }

                neighbours += i == j ? 0 : 1;
                weightedValues += weight * stations[j].Value;
                weights += weight;
                squaredWeights += weight * weight;
            }

            var spread = ((n * squaredWeights) - (weights * weights)) / (n - 1);
            var z = spread <= 1e-12 * squaredWeights ? 0.0 : (weightedValues - (mean * weights)) / (s * Math.Sqrt(spread));
            var p = NormalDistribution.TwoSidedPValue(z);
            var spotClass = p >= _options.SignificanceLevel ? HotSpotClass.NotSignificant : z > 0 ? HotSpotClass.Hot : HotSpotClass.Cold;
            spots.Add(new HotSpot(stations[i], z, p, spotClass, neighbours));
        }

        return spots;
    }

    private double Weight(IReadOnlyList<Station> stations, int i, int j)
    {
        if (i == j)
        {
            return 1.0;
        }

        var distance = GreatCircle.DistanceKilometres(stations[i].Latitude, stations[i].Longitude, stations[j].Latitude, stations[j].Longitude);
        if (distance > _options.DistanceBandKilometres)
        {
            return 0.0;
        }

        if (_options.Weighting == SpatialWeighting.Binary)
        {
            return 1.0;
        }

        if (distance <= 0)
        {
            throw new ArgumentException($"Stations '{stations[i].Id}' and '{stations[j].Id}' stand at the same place; inverse distance weights need distinct positions.", nameof(stations));
        }

        return 1.0 / distance;
    }
}
