using System.Text.Json;
using UrbanSensing.Analytics.Statistics;
using UrbanSensing.Analytics.Heat.Spatial;

namespace UrbanSensing.Analytics.Heat.Tests.Spatial;

public sealed class InverseDistanceWeightingTests
{
    // On the sphere, 0.01° of arc is a = 1.11195 km whether along the equator or a meridian, so stations at
    // 0.01°, 0.02° and 0.03° from the origin stand at a, 2a and 3a: the weights 1/d² are 1, 1/4 and 1/9 times 1/a².
    private static readonly Station[] Three =
    [
        new("east", 0, 0.01, 10),
        new("west", 0, -0.02, 20),
        new("north", 0.03, 0, 30),
    ];

    [Fact]
    public void Estimate_PowerTwo_MatchesTheHandComputation()
    {
        // (10 × 1 + 20 × 1/4 + 30 × 1/9) / (1 + 1/4 + 1/9) = (360 + 180 + 120) / (36 + 9 + 4) = 660 / 49 = 13.469387755.
        Assert.Equal(660.0 / 49, new InverseDistanceWeighting().Estimate(Three, 0, 0)!.Value, 9);
    }

    [Fact]
    public void Estimate_PowerOne_MatchesTheHandComputation()
    {
        // (10 × 1 + 20 × 1/2 + 30 × 1/3) / (1 + 1/2 + 1/3) = 30 / (11/6) = 180 / 11 = 16.363636364.
        Assert.Equal(180.0 / 11, new InverseDistanceWeighting(new IdwOptions { Power = 1 }).Estimate(Three, 0, 0)!.Value, 9);
    }

    [Fact]
    public void Estimate_SearchRadiusAndMaximumNeighbours_KeepOnlyTheNearest()
    {
        // Radius 2.5 km keeps a and 2a: (10 + 20/4) / (1 + 1/4) = 12. One neighbour: the nearest, 10. Radius 1 km: none.
        Assert.Equal(12.0, new InverseDistanceWeighting(new IdwOptions { SearchRadiusKilometres = 2.5 }).Estimate(Three, 0, 0)!.Value, 9);
        Assert.Equal(10.0, new InverseDistanceWeighting(new IdwOptions { MaximumNeighbours = 1 }).Estimate(Three, 0, 0)!.Value, 9);
        Assert.Null(new InverseDistanceWeighting(new IdwOptions { SearchRadiusKilometres = 1 }).Estimate(Three, 0, 0));
    }

    [Fact]
    public void Estimate_AtAStation_IsThatStationsValue()
    {
        Assert.Equal(30.0, new InverseDistanceWeighting().Estimate(Three, 0.03, 0));
    }

    [Fact]
    public void LeaveOneOut_FourStationsOnALine_MatchesTheHandComputation()
    {
        // Stations at 0, a, 2a, 3a along the equator with values 10, 20, 30, 50; power 2.
        //   10 from 20 (a), 30 (2a), 50 (3a): (20 + 30/4 + 50/9) / (1 + 1/4 + 1/9) = 1190/49 = 24.285714; error +14.285714
        //   20 from 10 (a), 30 (a), 50 (2a):  (10 + 30 + 50/4) / (1 + 1 + 1/4)   = 52.5/2.25 = 23.333333; error  +3.333333
        //   30 from 10 (2a), 20 (a), 50 (a):  (10/4 + 20 + 50) / (1/4 + 1 + 1)   = 72.5/2.25 = 32.222222; error  +2.222222
        //   50 from 10 (3a), 20 (2a), 30 (a): (10/9 + 20/4 + 30) / (1/9 + 1/4 + 1) = 1300/49 = 26.530612; error −23.469388
        // MAE = (14.285714 + 3.333333 + 2.222222 + 23.469388) / 4 = 10.827664
        // RMSE = √((204.081633 + 11.111111 + 4.938272 + 550.812162) / 4) = √192.735795 = 13.882932
        Station[] line = [new("a", 0, 0, 10), new("b", 0, 0.01, 20), new("c", 0, 0.02, 30), new("d", 0, 0.03, 50)];

        var validation = new InverseDistanceWeighting().LeaveOneOut(line);

        Assert.Equal([1190.0 / 49, 70.0 / 3, 290.0 / 9, 1300.0 / 49], validation.Residuals.Select(residual => residual.Estimate), new ToleranceComparer(1e-9));
        Assert.Equal(10.827664399, validation.MeanAbsoluteError, 8);
        Assert.Equal(13.882931760, validation.RootMeanSquareError, 8);
        Assert.Empty(validation.Unestimated);
    }

    [Fact]
    public void LeaveOneOut_IsolatedStation_IsReportedUnestimated()
    {
        Station[] stations = [new("a", 0, 0, 10), new("b", 0, 0.01, 20), new("far", 1, 1, 30)];

        var validation = new InverseDistanceWeighting(new IdwOptions { SearchRadiusKilometres = 5 }).LeaveOneOut(stations);

        Assert.Equal(["far"], validation.Unestimated.Select(station => station.Id));
        Assert.Equal(10.0, validation.MeanAbsoluteError, 9);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-2.0)]
    [InlineData(double.NaN)]
    public void Constructor_PowerNotPositive_ThrowsNamingPower(double power)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new InverseDistanceWeighting(new IdwOptions { Power = power }));

        Assert.Equal("Power", exception.ParamName);
        Assert.Contains("greater than 0", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NegativeRadius_ThrowsNamingSearchRadius()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new InverseDistanceWeighting(new IdwOptions { SearchRadiusKilometres = -1 }));

        Assert.Equal("SearchRadiusKilometres", exception.ParamName);
    }

    [Fact]
    public void Estimate_NoStations_ThrowsNamingStations()
    {
        var exception = Assert.Throws<ArgumentException>(() => new InverseDistanceWeighting().Estimate([], 0, 0));

        Assert.Equal("stations", exception.ParamName);
    }

    [Fact]
    public void Estimate_StationValueNaN_ThrowsNamingStations()
    {
        var exception = Assert.Throws<ArgumentException>(() => new InverseDistanceWeighting().Estimate([new("a", 0, 0, double.NaN)], 0, 0));

        Assert.Equal("stations", exception.ParamName);
    }

    [Fact]
    public void Interpolate_TwoByTwoGrid_EstimatesAtCellCentresFromTheSouthWest()
    {
        var grid = new InverseDistanceWeighting().Interpolate(Three, new GridSpecification(-0.02, -0.02, 0.02, 0.02, 2, 2));

        Assert.Equal([(0, 0), (0, 1), (1, 0), (1, 1)], grid.Cells.Select(cell => (cell.Row, cell.Column)));
        Assert.Equal((-0.01, -0.01), (grid.Cells[0].CentreLatitude, grid.Cells[0].CentreLongitude));
        Assert.Equal((0.01, 0.01), (grid.Cells[3].CentreLatitude, grid.Cells[3].CentreLongitude));
        Assert.All(grid.Cells, cell => Assert.InRange(cell.Value!.Value, 10, 30));
    }

    [Fact]
    public void ToJson_Polygons_WritesAFeatureCollectionOfClosedCounterclockwiseCells()
    {
        var grid = new InverseDistanceWeighting(new IdwOptions { SearchRadiusKilometres = 2 })
            .Interpolate(Three, new GridSpecification(0, 0, 0.02, 0.04, 1, 2));

        using var json = JsonDocument.Parse(GridGeoJson.ToJson(grid));

        var root = json.RootElement;
        Assert.Equal("FeatureCollection", root.GetProperty("type").GetString());
        var features = root.GetProperty("features").EnumerateArray().ToArray();
        Assert.Equal(2, features.Length);
        var ring = features[0].GetProperty("geometry").GetProperty("coordinates")[0].EnumerateArray()
            .Select(position => (position[0].GetDouble(), position[1].GetDouble())).ToArray();
        Assert.Equal([(0.0, 0.0), (0.02, 0.0), (0.02, 0.02), (0.0, 0.02), (0.0, 0.0)], ring);
        Assert.Equal(grid.Cells[0].Value!.Value, features[0].GetProperty("properties").GetProperty("value").GetDouble());
        Assert.Equal(JsonValueKind.Null, features[1].GetProperty("properties").GetProperty("value").ValueKind);
    }

    [Fact]
    public void Write_CellCentresToAStream_WritesPointsAtLongitudeLatitude()
    {
        var grid = new InverseDistanceWeighting().Interpolate(Three, new GridSpecification(0, 0, 0.02, 0.04, 1, 2));
        using var stream = new MemoryStream();

        GridGeoJson.Write(grid, stream, GridGeometry.CellCentres);

        using var json = JsonDocument.Parse(stream.ToArray());
        var geometry = json.RootElement.GetProperty("features")[1].GetProperty("geometry");
        Assert.Equal("Point", geometry.GetProperty("type").GetString());
        Assert.Equal([0.03, 0.01], geometry.GetProperty("coordinates").EnumerateArray().Select(value => value.GetDouble()));
    }

    [Fact]
    public void Estimate_StationsHundredsOfKilometresAway_MatchesTheHandComputation()
    {
        // 2°, 4° and 6° along the equator: 222, 445 and 667 km, the same ratios 1 : 2 : 3 as above, so 660 / 49 again.
        Station[] far = [new("east", 0, 2, 10), new("west", 0, -4, 20), new("north", 6, 0, 30)];

        Assert.Equal(660.0 / 49, new InverseDistanceWeighting().Estimate(far, 0, 0)!.Value, 9);
    }

    [Fact]
    public void Estimate_RadiusExactlyAStationsDistance_KeepsThatStation()
    {
        var radius = GreatCircle.DistanceKilometres(0, 0, 0, 0.01);

        Assert.Equal(10.0, new InverseDistanceWeighting(new IdwOptions { SearchRadiusKilometres = radius }).Estimate(Three, 0, 0));
    }

    [Fact]
    public void Interpolate_DefaultOptions_AgreesWithEveryStationTakenNearestFirst()
    {
        // The default computes the weights from the haversine term by a series; a neighbour limit as large as the
        // network takes the textbook path (each distance, nearest first, 1/d^p). Stations scattered over Lille.
        var random = new Random(7);
        var stations = Enumerable.Range(0, 40)
            .Select(index => new Station($"s{index}", 50.58 + (0.1 * random.NextDouble()), 2.98 + (0.16 * random.NextDouble()), 20 + (5 * random.NextDouble())))
            .ToArray();
        var grid = new GridSpecification(50.55, 2.95, 50.71, 3.17, 12, 15);

        var series = new InverseDistanceWeighting().Interpolate(stations, grid);
        var textbook = new InverseDistanceWeighting(new IdwOptions { MaximumNeighbours = stations.Length }).Interpolate(stations, grid);

        Assert.Equal(textbook.Cells.Select(cell => cell.Value!.Value), series.Cells.Select(cell => cell.Value!.Value), new ToleranceComparer(1e-12));
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
