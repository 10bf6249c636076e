using UrbanSensing.Analytics.Heat.Spatial;
using UrbanSensing.Analytics.Statistics;

namespace UrbanSensing.Bench.Analytics;

/// <summary>
/// Inverse distance weighting with power 2 as the textbook writes it, the yardstick of the library: for each cell
/// centre (or each station left out), every station, its haversine distance, weight 1/d², no radius, no neighbour
/// limit. A point on a station takes that station's value.
/// </summary>
internal static class IdwBaseline
{
    private const double SamePlaceKilometres = 1e-9;

    /// <summary>The estimates cell by cell, row by row from the south-west, as <see cref="InterpolatedGrid.Cells"/> orders them.</summary>
    public static double[] Grid(IReadOnlyList<Station> stations, GridSpecification grid)
    {
        var height = (grid.North - grid.South) / grid.Rows;
        var width = (grid.East - grid.West) / grid.Columns;
        var values = new double[grid.Rows * grid.Columns];
        for (var row = 0; row < grid.Rows; row++)
        {
            var south = grid.South + (row * height);
            var latitude = (south + (south + height)) / 2;
            for (var column = 0; column < grid.Columns; column++)
            {
                var west = grid.West + (column * width);
                values[(row * grid.Columns) + column] = Estimate(stations, latitude, (west + (west + width)) / 2, skip: -1);
            }
        }

        return values;
    }

    /// <summary>Root mean square error of each station estimated from all the others.</summary>
    public static double LeaveOneOutRootMeanSquareError(IReadOnlyList<Station> stations)
    {
        var squares = 0.0;
        for (var index = 0; index < stations.Count; index++)
        {
            var error = Estimate(stations, stations[index].Latitude, stations[index].Longitude, skip: index) - stations[index].Value;
            squares += error * error;
        }

        return Math.Sqrt(squares / stations.Count);
    }

    private static double Estimate(IReadOnlyList<Station> stations, double latitude, double longitude, int skip)
    {
        var (weights, weighted) = (0.0, 0.0);
        for (var index = 0; index < stations.Count; index++)
        {
            if (index == skip)
            {
                continue;
            }

            var station = stations[index];
            var distance = GreatCircle.DistanceKilometres(latitude, longitude, station.Latitude, station.Longitude);
            if (distance < SamePlaceKilometres)
            {
                return station.Value;
            }

            var weight = 1 / (distance * distance);
            weights += weight;
            weighted += weight * station.Value;
        }

        return weighted / weights;
    }
}
