namespace UrbanSensing.Analytics.AirQuality.Tests;

public sealed class EuropeanAirQualityIndexTests
{
    // EEA, ETC HE Report 2024/17 "EEA's revision of the European air quality index bands", Table 5.2, as shown on
    // airindex.eea.europa.eu: upper bounds (µg/m³, hourly) of Good, Fair, Moderate, Poor and Very poor; above the last
    // is Extremely poor. Printed as integer ranges (PM2.5: 0-5, 6-15, 16-50, 51-90, 91-140, >140), so each bound
    // belongs to the band below it.
    private static readonly (Pollutant, double[])[] Table52 =
    [
        (Pollutant.Pm25, [5, 15, 50, 90, 140]),
        (Pollutant.Pm10, [15, 45, 120, 195, 270]),
        (Pollutant.No2, [10, 25, 60, 100, 150]),
        (Pollutant.O3, [60, 100, 120, 160, 180]),
        (Pollutant.So2, [20, 40, 125, 190, 275]),
    ];

    private static readonly string[] Bands = ["Good", "Fair", "Moderate", "Poor", "Very poor", "Extremely poor"];

    public static TheoryData<Pollutant, double, string> AroundEveryBoundOfTable52 => Concentrations.AroundEveryBound(Table52, Bands);

    public static TheoryData<Pollutant> EveryPollutant => [.. Enum.GetValues<Pollutant>()];

    [Theory]
    [MemberData(nameof(AroundEveryBoundOfTable52))]
    public void Compute_BelowOnOrAboveABoundOfEtcHeReport2024_17_FallsInTheBandOfTable52(Pollutant pollutant, double concentration, string expected)
    {
        var result = AirQualityIndex.Compute(AirQualityScheme.EuropeanAirQualityIndex, Concentrations.Only(pollutant, concentration));

        Assert.Equal(expected, result.Band.Name);
        Assert.Equal(expected, Assert.Single(result.SubIndices).Band.Name);
        Assert.Equal(pollutant, Assert.Single(result.ResponsiblePollutants));
    }

    [Theory]
    [MemberData(nameof(EveryPollutant))]
    public void Compute_ZeroAndAFarHighValue_AreGoodAndExtremelyPoorPerEtcHeReport2024_17(Pollutant pollutant)
    {
        Assert.Equal("Good", AirQualityIndex.Compute(AirQualityScheme.EuropeanAirQualityIndex, Concentrations.Only(pollutant, 0)).Band.Name);
        Assert.Equal("Extremely poor", AirQualityIndex.Compute(AirQualityScheme.EuropeanAirQualityIndex, Concentrations.Only(pollutant, 5000)).Band.Name);
    }

    [Fact]
    public void Table_EmbeddedEaqi_IsThe2024RevisionRatingEveryPollutantHourly()
    {
        var table = AirQualityIndex.Table(AirQualityScheme.EuropeanAirQualityIndex);

        Assert.Equal("eaqi-2024.json", table.FileName);
        Assert.Equal("2024 revision", table.Version);
        Assert.Contains("ETC HE Report 2024/17", table.Source, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2025, 7, 3), table.Date);
        Assert.Equal(BoundaryRule.UpperBoundInclusive, table.BoundaryRule);
        Assert.Equal(Bands, table.Bands.Select(band => band.Name));
        Assert.Equal(Enum.GetValues<Pollutant>(), table.Pollutants.Select(bands => bands.Pollutant));
        Assert.All(table.Pollutants, bands => Assert.Equal(AveragingPeriod.Hourly, bands.Averaging));
    }
}
