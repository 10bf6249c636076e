namespace UrbanSensing.Analytics.AirQuality.Tests;

public sealed class AtmoIndexTests
{
    // Arrêté du 10 juillet 2020 relatif à l'indice de la qualité de l'air ambiant, Annexe I: upper bounds (µg/m³) of
    // Bon, Moyen, Dégradé, Mauvais and Très mauvais, written "a < concentration ≤ b"; above the last is Extrêmement
    // mauvais. SO2, NO2 and O3 rate the daily hourly maximum, PM10 and PM2.5 the daily mean.
    private static readonly (Pollutant, double[])[] AnnexeI =
    [
        (Pollutant.So2, [100, 200, 350, 500, 750]),
        (Pollutant.No2, [40, 90, 120, 230, 340]),
        (Pollutant.O3, [50, 100, 130, 240, 380]),
        (Pollutant.Pm10, [20, 40, 50, 100, 150]),
        (Pollutant.Pm25, [10, 20, 25, 50, 75]),
    ];

    private static readonly string[] Bands = ["Bon", "Moyen", "Dégradé", "Mauvais", "Très mauvais", "Extrêmement mauvais"];

    public static TheoryData<Pollutant, double, string> AroundEveryBoundOfAnnexeI => Concentrations.AroundEveryBound(AnnexeI, Bands);

    [Theory]
    [MemberData(nameof(AroundEveryBoundOfAnnexeI))]
    public void Compute_BelowOnOrAboveABoundOfTheArreteDu10Juillet2020_FallsInTheBandOfAnnexeI(Pollutant pollutant, double concentration, string expected)
    {
        var result = AirQualityIndex.Compute(AirQualityScheme.Atmo, Concentrations.Only(pollutant, concentration));

        Assert.Equal(expected, result.Band.Name);
        Assert.Equal(expected, Assert.Single(result.SubIndices).Band.Name);
    }

    [Fact]
    public void Compute_Zero_IsBonPerTheArreteDu10Juillet2020()
    {
        var result = AirQualityIndex.Compute(AirQualityScheme.Atmo, new PollutantConcentrations { Pm25 = 0, Pm10 = 0, No2 = 0, O3 = 0, So2 = 0 });

        Assert.Equal(new AirQualityBand(1, "Bon"), result.Band);
        Assert.Equal(5, result.ResponsiblePollutants.Count);
    }

    [Fact]
    public void Table_EmbeddedAtmo_RatesPmOnDailyMeansAndGasesOnDailyHourlyMaximaPerAnnexeI()
    {
        var table = AirQualityIndex.Table(AirQualityScheme.Atmo);

        Assert.Equal("atmo-2021.json", table.FileName);
        Assert.Contains("TRER2017892A", table.Version, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2020, 7, 10), table.Date);
        Assert.Equal(Bands, table.Bands.Select(band => band.Name));
        Assert.Equal(AveragingPeriod.DailyMean, table.For(Pollutant.Pm25)!.Averaging);
        Assert.Equal(AveragingPeriod.DailyMean, table.For(Pollutant.Pm10)!.Averaging);
        Assert.Equal(AveragingPeriod.DailyMaximumHourly, table.For(Pollutant.No2)!.Averaging);
        Assert.Equal(AveragingPeriod.DailyMaximumHourly, table.For(Pollutant.O3)!.Averaging);
        Assert.Equal(AveragingPeriod.DailyMaximumHourly, table.For(Pollutant.So2)!.Averaging);
    }
}
