using System.Globalization;
using UrbanSensing.Analytics.Charts;
using UrbanSensing.Analytics.Heat;
using UrbanSensing.Analytics.Heat.Spatial;
using UrbanSensing.Registry;

namespace UrbanSensing.Analytics.Reports;

/// <summary>
/// The heat island over the whole range as a map: each urban site's mean hourly intensity and each reference site at
/// 0 K, interpolated by inverse distance weighting over the sites' box with a margin, written as a PNG and, beside
/// it, as GeoJSON cells; the leave-one-out error says how far to trust the colours between sites.
/// </summary>
public sealed record HeatIslandMap(InterpolatedGrid Grid, IReadOnlyList<Station> Stations, CrossValidation LeaveOneOut)
{
    private const int Columns = 120;
    private const double MarginFraction = 0.15;

    /// <summary>Null when fewer than two sites have a value: nothing to interpolate between.</summary>
    /// <param name="stations">The sites at their mean heat island (<see cref="StationsOf"/>).</param>
    public static HeatIslandMap? Compute(IReadOnlyList<Station> stations)
    {
        ArgumentNullException.ThrowIfNull(stations);
        if (stations.Count < 2)
        {
            return null;
        }

        var idw = new InverseDistanceWeighting(new IdwOptions());
        return new HeatIslandMap(idw.Interpolate(stations, GridAround(stations)), stations, idw.LeaveOneOut(stations));
    }

    /// <summary>Each urban site at its mean hourly heat island over the range, each reference site with data at 0 K.</summary>
    public static IReadOnlyList<Station> StationsOf(SensorRegistry registry, IReadOnlyDictionary<string, IReadOnlyList<HourlyHeatIsland>> hourlyBySite, IReadOnlyDictionary<string, HourlySeries> seriesBySite)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(hourlyBySite);
        ArgumentNullException.ThrowIfNull(seriesBySite);
        var stations = new List<Station>();
        foreach (var (siteId, hours) in hourlyBySite)
        {
            if (hours.Count > 0 && registry.TryGetSite(siteId, out var site))
            {
                stations.Add(new Station(site.Id, site.Latitude, site.Longitude, hours.Average(hour => hour.Intensity)));
            }
        }

        stations.AddRange(registry.ReferenceSites
            .Where(site => seriesBySite.ContainsKey(site.Id))
            .Select(site => new Station(site.Id, site.Latitude, site.Longitude, 0)));
        return stations;
    }

    /// <summary>Writes the PNG and, with the same name and .geojson, the cells.</summary>
    public async Task WriteAsync(FileInfo png, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(png);
        var image = png.Create();
        await using (image.ConfigureAwait(false))
        {
            await WritePngAsync(image, cancellationToken).ConfigureAwait(false);
        }

        var geoJson = File.Create(Path.ChangeExtension(png.FullName, ".geojson"));
        await using (geoJson.ConfigureAwait(false))
        {
            GridGeoJson.Write(Grid, geoJson);
            await geoJson.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The map as a PNG: blue cooler, red warmer than the reference sites, with its colour bar and the sites marked.</summary>
    public Task WritePngAsync(Stream png, CancellationToken cancellationToken)
    {
        var specification = Grid.Specification;
        var values = new double[specification.Rows, specification.Columns];
        foreach (var cell in Grid.Cells)
        {
            values[cell.Row, cell.Column] = cell.Value ?? double.NaN;
        }

        var chart = new MapChart(
            string.Create(CultureInfo.InvariantCulture, $"Mean urban heat island between the sites (IDW; leave-one-out RMSE {LeaveOneOut.RootMeanSquareError:0.00} K)"),
            "Heat island against the reference sites",
            values,
            specification.South,
            specification.West,
            specification.North,
            specification.East,
            Stations.Select(station => new MapPoint(station.Id, station.Latitude, station.Longitude)))
        {
            Unit = "K",
        };
        return chart.WritePngAsync(png, cancellationToken);
    }

    public string Describe(FileInfo png) => string.Create(
        CultureInfo.InvariantCulture,
        $"map of the mean heat island at {Stations.Count} sites written to {png.FullName} and {Path.ChangeExtension(png.FullName, ".geojson")}; leave-one-out error RMSE {LeaveOneOut.RootMeanSquareError:0.000} K, MAE {LeaveOneOut.MeanAbsoluteError:0.000} K");

    // Cells square in kilometres rather than degrees: a degree of longitude is cos(latitude) of one of latitude.
    private static GridSpecification GridAround(IReadOnlyList<Station> stations)
    {
        var (south, north) = (stations.Min(station => station.Latitude), stations.Max(station => station.Latitude));
        var (west, east) = (stations.Min(station => station.Longitude), stations.Max(station => station.Longitude));
        var latitudeMargin = Math.Max((north - south) * MarginFraction, 0.005);
        var longitudeMargin = Math.Max((east - west) * MarginFraction, 0.005);
        (south, north, west, east) = (south - latitudeMargin, north + latitudeMargin, west - longitudeMargin, east + longitudeMargin);
        var aspect = (north - south) / ((east - west) * Math.Cos(double.DegreesToRadians((south + north) / 2)));
        var rows = Math.Max(1, (int)Math.Round(Columns * aspect));
        return new GridSpecification(south, west, north, east, rows, Columns);
    }
}
