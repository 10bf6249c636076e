using System.Numerics;
using UrbanSensing.Analytics.Statistics;

namespace UrbanSensing.Analytics.Heat.Spatial;

/// <summary>
/// Shepard's inverse distance weighting: ẑ(x) = Σ wᵢ zᵢ / Σ wᵢ with wᵢ = 1 / d(x, xᵢ)ᵖ, over the stations within the
/// search radius, nearest first up to the maximum number of neighbours; distances are great-circle kilometres. At a
/// station's own position the estimate is that station's value.
/// </summary>
/// <remarks>
/// With the default options (power 2, every station) and every station between a millimetre and 127 km away, the
/// weights come straight from the haversine term a: d² = (2R)² asin²(√a), and asin²(√a) = a (1 + a/3 + 8a²/45 +
/// 4a³/35 + …), whose next term is below 10⁻¹⁷ of the sum for a &lt; 10⁻⁴ (d &lt; 127 km). That saves the square
/// root, the arcsine and the power per station and lets the loop run on vectors; the estimate differs from the
/// textbook computation only by rounding (about 10⁻¹⁵ relative). Otherwise each station's distance is computed as
/// <see cref="GreatCircle.DistanceKilometres"/> gives it and the stations are
/// taken nearest first.
/// </remarks>
public sealed class InverseDistanceWeighting
{
    private const double SamePlaceKilometres = 1e-9;

    // Bounds of the haversine term for the series: at least 10⁻²⁰ (1.3 mm, well above the same-place distance of
    // 10⁻⁹ km, which is decided on the exact distance) and below 10⁻⁴ (127 km).
    private const double SmallestSeriesTerm = 1e-20;
    private const double LargestSeriesTerm = 1e-4;
    private const double DiameterKilometres = 2 * GreatCircle.MeanEarthRadiusMetres / 1000;
    private const double SquaredDiameterKilometres = DiameterKilometres * DiameterKilometres;

    private readonly IdwOptions _options;
    private readonly double _largestTermInRadius;

    public InverseDistanceWeighting(IdwOptions? options = null)
    {
        _options = options ?? new IdwOptions();
        _options.Validate();

        // The haversine term of the radius, a = sin²(r / 2R), widened by a millionth so that rounding cannot drop a
        // station whose distance is within it; the distance itself decides. Half the circumference or more: every station.
        var halfAngle = _options.SearchRadiusKilometres is { } radius ? radius / DiameterKilometres : double.PositiveInfinity;
        _largestTermInRadius = halfAngle < Math.PI / 2 ? Math.Pow(Math.Sin(halfAngle), 2) * (1 + 1e-6) : double.PositiveInfinity;
    }

    private bool EveryStationSquared => _options.Power == 2 && _options.SearchRadiusKilometres is null && _options.MaximumNeighbours is null;

    /// <summary>The estimate at a point, or <see langword="null"/> when no station lies within the search radius.</summary>
    /// <exception cref="ArgumentException">No stations, a value that is not finite, or a position off the globe.</exception>
    public double? Estimate(IReadOnlyList<Station> stations, double latitude, double longitude)
    {
        Station.ValidateAll(stations, nameof(stations));
        if (!(latitude is >= -90 and <= 90) || !(longitude is >= -180 and <= 180))
        {
            throw new ArgumentException($"The point ({latitude}, {longitude}) is off the globe; latitude must be from -90 to 90 and longitude from -180 to 180 degrees.", nameof(latitude));
        }

        var terms = new HaversineTerms(stations);
        var haversines = new double[terms.Count];
        terms.AtPoint(latitude, longitude, haversines);
        return EstimateFrom(haversines, terms.Values, new (double, int)[terms.Count]);
    }

    /// <summary>The estimate at the centre of every cell of the grid.</summary>
    public InterpolatedGrid Interpolate(IReadOnlyList<Station> stations, GridSpecification grid)
    {
        Station.ValidateAll(stations, nameof(stations));
        ArgumentNullException.ThrowIfNull(grid);
        grid.Validate(nameof(grid));
        var height = (grid.North - grid.South) / grid.Rows;
        var width = (grid.East - grid.West) / grid.Columns;
        var terms = new HaversineTerms(stations);
        var wests = Enumerable.Range(0, grid.Columns).Select(column => grid.West + (column * width)).ToArray();
        var columnSines = terms.Columns([.. wests.Select(west => (west + (west + width)) / 2)]);
        var (rowSines, rowCosines, haversines) = (new double[terms.Count], new double[terms.Count], new double[terms.Count]);
        var neighbours = new (double, int)[terms.Count];
        var cells = new GridCell[grid.Rows * grid.Columns];
        for (var row = 0; row < grid.Rows; row++)
        {
            var south = grid.South + (row * height);
            terms.Row((south + (south + height)) / 2, rowSines, rowCosines);
            for (var column = 0; column < grid.Columns; column++)
            {
                HaversineTerms.Cell(rowSines, rowCosines, columnSines.AsSpan(column * terms.Count, terms.Count), haversines);
                var west = wests[column];
                cells[(row * grid.Columns) + column] = new GridCell(row, column, south, west, south + height, west + width, EstimateFrom(haversines, terms.Values, neighbours));
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

        var terms = new HaversineTerms(stations);
        var haversines = new double[terms.Count];
        var (otherHaversines, otherValues) = (new double[terms.Count - 1], new double[terms.Count - 1]);
        var neighbours = new (double, int)[terms.Count - 1];
        var residuals = new List<CrossValidationResidual>();
        var unestimated = new List<Station>();
        for (var index = 0; index < stations.Count; index++)
        {
            var left = stations[index];
            terms.AtPoint(left.Latitude, left.Longitude, haversines);
            WithoutOne(haversines, index, otherHaversines);
            WithoutOne(terms.Values, index, otherValues);
            if (EstimateFrom(otherHaversines, otherValues, neighbours) is { } estimate)
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

    private static void WithoutOne(ReadOnlySpan<double> all, int left, Span<double> others)
    {
        all[..left].CopyTo(others);
        all[(left + 1)..].CopyTo(others[left..]);
    }

    /// <param name="haversines">The haversine term from the point to each station.</param>
    /// <param name="values">Each station's value, in the same order.</param>
    /// <param name="scratch">Room for a distance and an index per station.</param>
    private double? EstimateFrom(ReadOnlySpan<double> haversines, ReadOnlySpan<double> values, Span<(double Distance, int Index)> scratch)
    {
        if (EveryStationSquared && TryEstimateBySeries(haversines, values) is { } estimate)
        {
            return estimate;
        }

        var count = 0;
        for (var index = 0; index < haversines.Length; index++)
        {
            // The arcsine only for the stations whose term could be within the radius.
            if (haversines[index] <= _largestTermInRadius)
            {
                var distance = HaversineTerms.DistanceKilometres(haversines[index]);
                if (_options.SearchRadiusKilometres is not { } radius || distance <= radius)
                {
                    scratch[count++] = (distance, index);
                }
            }
        }

        if (count == 0)
        {
            return null;
        }

        // Nearest first, and stations at the same distance in the order given.
        var neighbours = scratch[..count];
        neighbours.Sort();
        if (_options.MaximumNeighbours is { } maximum && count > maximum)
        {
            neighbours = neighbours[..maximum];
        }

        var (atThePoint, atThePointSum) = (0, 0.0);
        foreach (var (distance, index) in neighbours)
        {
            if (distance < SamePlaceKilometres)
            {
                atThePoint++;
                atThePointSum += values[index];
            }
        }

        if (atThePoint > 0)
        {
            return atThePointSum / atThePoint;
        }

        var weightSum = 0.0;
        var weightedSum = 0.0;
        foreach (var (distance, index) in neighbours)
        {
            var weight = 1.0 / Math.Pow(distance, _options.Power);
            weightSum += weight;
            weightedSum += weight * values[index];
        }

        return weightedSum / weightSum;
    }

    /// <summary>Power 2 over every station from the haversine terms (see the remarks); null when a term is outside the series' range.</summary>
    private static double? TryEstimateBySeries(ReadOnlySpan<double> haversines, ReadOnlySpan<double> values)
    {
        var index = 0;
        var (weightSum, weightedSum) = (0.0, 0.0);
        if (Vector.IsHardwareAccelerated)
        {
            var (weights, weighted, outside) = (Vector<double>.Zero, Vector<double>.Zero, Vector<long>.Zero);
            var (smallest, largest) = (new Vector<double>(SmallestSeriesTerm), new Vector<double>(LargestSeriesTerm));
            var (third, eightFortyFifths, fourThirtyFifths) = (new Vector<double>(1.0 / 3), new Vector<double>(8.0 / 45), new Vector<double>(4.0 / 35));
            for (; index <= haversines.Length - Vector<double>.Count; index += Vector<double>.Count)
            {
                var a = new Vector<double>(haversines[index..]);
                outside |= Vector.LessThan(a, smallest) | Vector.GreaterThanOrEqual(a, largest);
                var weight = Vector<double>.One / (SquaredDiameterKilometres * (a * (Vector<double>.One + (a * (third + (a * (eightFortyFifths + (a * fourThirtyFifths))))))));
                weights += weight;
                weighted += weight * new Vector<double>(values[index..]);
            }

            if (outside != Vector<long>.Zero)
            {
                return null;
            }

            (weightSum, weightedSum) = (Vector.Sum(weights), Vector.Sum(weighted));
        }

        for (; index < haversines.Length; index++)
        {
            var a = haversines[index];
            if (!(a is >= SmallestSeriesTerm and < LargestSeriesTerm))
            {
                return null;
            }

            var weight = 1 / (SquaredDiameterKilometres * (a * (1 + (a * ((1.0 / 3) + (a * ((8.0 / 45) + (a * (4.0 / 35)))))))));
            weightSum += weight;
            weightedSum += weight * values[index];
        }

        return weightedSum / weightSum;
    }
}
