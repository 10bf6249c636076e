using UrbanSensing.Analytics.Statistics;
namespace UrbanSensing.Analytics.Heat.Spatial;

/// <summary>
/// Shepard's inverse distance weighting: ẑ(x) = Σ wᵢ zᵢ / Σ wᵢ with wᵢ = 1 / d(x, xᵢ)ᵖ, over the stations within the
/// search radius, nearest first up to the maximum number of neighbours; distances are great-circle kilometres. At a
/// station's own position the estimate is that station's value.
/// </summary>
public sealed class InverseDistanceWeighting
{
    private const double SamePlaceKilometres = 1e-9;
    private readonly IdwOptions _options;

    public InverseDistanceWeighting(IdwOptions? options = null)
    {
        _options = options ?? new IdwOptions();
        _options.Validate();
    }

    /// <summary>The estimate at a point, or <see langword="null"/> when no station lies within the search radius.</summary>
    /// <exception cref="ArgumentException">No stations, a value that is not finite, or a position off the globe.</exception>
    public double? Estimate(IReadOnlyList<Station> stations, double latitude, double longitude)
    {
        Station.ValidateAll(stations, nameof(stations));
        return EstimateValidated(stations, latitude, longitude);
    }

    /// <summary>The estimate at the centre of every cell of the grid.</summary>
    public InterpolatedGrid Interpolate(IReadOnlyList<Station> stations, GridSpecification grid)
    {
        Station.ValidateAll(stations, nameof(stations));
        ArgumentNullException.ThrowIfNull(grid);
        grid.Validate(nameof(grid));
        var height = (grid.North - grid.South) / grid.Rows;
        var width = (grid.East - grid.West) / grid.Columns;
        var cells = new List<GridCell>(grid.Rows * grid.Columns);
        for (var row = 0; row < grid.Rows; row++)
        {
            for (var column = 0; column < grid.Columns; column++)
            {
                var south = grid.South + (row * height);
                var west = grid.West + (column * width);
                var cell = new GridCell(row, column, south, west, south + height, west + width, null);
                cells.Add(cell with { Value = EstimateValidated(stations, cell.CentreLatitude, cell.CentreLongitude) });
            }
        }

        return new InterpolatedGrid(grid, cells);
    }

    /// <summary>Leave-one-out cross-validation: each station estimated from all the others.</summary>
    /// <exception cref="ArgumentException">Fewer than two stations.</exception>
    public CrossValidation LeaveOneOut(IReadOnlyList<Station> stations)
    {
        Station.ValidateAll(stations, nameof(stations));
        if (stations.Count < 2)
        {
            throw new ArgumentException("Leave-one-out cross-validation needs at least 2 stations.", nameof(stations));
        }

        var residuals = new List<CrossValidationResidual>();
        var unestimated = new List<Station>();
        for (var index = 0; index < stations.Count; index++)
        {
            var left = stations[index];
            Station[] others = [.. stations.Take(index), .. stations.Skip(index + 1)];
            if (EstimateValidated(others, left.Latitude, left.Longitude) is { } estimate)
            {
                residuals.Add(new CrossValidationResidual(left, estimate));
            }
            else
            {
                unestimated.Add(left);
            }
        }

        var rmse = residuals.Count == 0 ? double.NaN : Math.Sqrt(residuals.Average(residual => residual.Error * residual.Error));
        var mae = residuals.Count == 0 ? double.NaN : residuals.Average(residual => Math.Abs(residual.Error));
        return new CrossValidation(residuals, rmse, mae, unestimated);
    }

    private double? EstimateValidated(IReadOnlyList<Station> stations, double latitude, double longitude)
    {
        if (!(latitude is >= -90 and <= 90) || !(longitude is >= -180 and <= 180))
        {
            throw new ArgumentException($"The point ({latitude}, {longitude}) is off the globe; latitude must be from -90 to 90 and longitude from -180 to 180 degrees.", nameof(latitude));
        }

        var neighbours = stations
            .Select(station => (Station: station, Distance: GreatCircle.DistanceKilometres(latitude, longitude, station.Latitude, station.Longitude)))
            .Where(pair => _options.SearchRadiusKilometres is not { } radius || pair.Distance <= radius)
            .OrderBy(pair => pair.Distance)
            .Take(_options.MaximumNeighbours ?? int.MaxValue)
            .ToArray();
        if (neighbours.Length == 0)
        {
            return null;
        }

        var atThePoint = neighbours.Where(pair => pair.Distance < SamePlaceKilometres).ToArray();
        if (atThePoint.Length > 0)
        {
            return atThePoint.Average(pair => pair.Station.Value);
        }

        var weightSum = 0.0;
        var weightedSum = 0.0;
        foreach (var (station, distance) in neighbours)
        {
            var weight = 1.0 / Math.Pow(distance, _options.Power);
            weightSum += weight;
            weightedSum += weight * station.Value;
        }

        return weightedSum / weightSum;
    }
}
