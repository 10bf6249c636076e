namespace UrbanSensing.Analytics.AirQuality.Tests;

public sealed class AirQualityIndexTests
{
    [Fact]
    public void Compute_AtmoWithOnePollutantWorse_TakesTheWorstSubIndexPerTheArreteDu10Juillet2020()
    {
        // Annexe I: PM2.5 30 is Mauvais (25 < c ≤ 50), NO2 100 Dégradé (90 < c ≤ 120), O3 80 Moyen, PM10 15 and SO2 5 Bon.
        var concentrations = new PollutantConcentrations { Pm25 = 30, Pm10 = 15, No2 = 100, O3 = 80, So2 = 5 };

        var result = AirQualityIndex.Compute(AirQualityScheme.Atmo, concentrations);

        Assert.Equal(new AirQualityBand(4, "Mauvais"), result.Band);
        Assert.Equal([Pollutant.Pm25], result.ResponsiblePollutants);
        Assert.Equal(
            ["Mauvais", "Bon", "Dégradé", "Moyen", "Bon"],
            result.SubIndices.Select(subIndex => subIndex.Band.Name));
        Assert.Equal(AirQualityScheme.Atmo, result.Scheme);
        Assert.Equal(AirQualityIndex.Table(AirQualityScheme.Atmo).Version, result.TableVersion);
    }

    [Fact]
    public void Compute_EaqiWithTwoPollutantsInTheWorstBand_NamesBothPerEtcHeReport2024_17()
    {
        // Table 5.2: NO2 120 and O3 170 are both Very poor (100 < NO2 ≤ 150, 160 < O3 ≤ 180); PM10 50 is Moderate.
        var concentrations = new PollutantConcentrations { Pm10 = 50, No2 = 120, O3 = 170 };

        var result = AirQualityIndex.Compute(AirQualityScheme.EuropeanAirQualityIndex, concentrations);

        Assert.Equal(new AirQualityBand(5, "Very poor"), result.Band);
        Assert.Equal([Pollutant.No2, Pollutant.O3], result.ResponsiblePollutants);
        Assert.Equal(3, result.SubIndices.Count);
    }

    [Fact]
    public void Compute_SameConcentrationsOnBothSchemes_DiffersWhereTheirBandsDo()
    {
        // NO2 35: ATMO Bon (≤ 40, arrêté Annexe I); EAQI Moderate (25 < c ≤ 60, ETC HE Report 2024/17 Table 5.2).
        var concentrations = new PollutantConcentrations { No2 = 35 };

        Assert.Equal("Bon", AirQualityIndex.Compute(AirQualityScheme.Atmo, concentrations).Band.Name);
        Assert.Equal("Moderate", AirQualityIndex.Compute(AirQualityScheme.EuropeanAirQualityIndex, concentrations).Band.Name);
    }

    [Fact]
    public void Compute_UnknownScheme_ThrowsNamingTheParameterAndTheAllowedValues()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => AirQualityIndex.Compute((AirQualityScheme)42, new PollutantConcentrations { No2 = 10 }));

        Assert.Equal("scheme", exception.ParamName);
        Assert.Contains("EuropeanAirQualityIndex, Atmo", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_NoConcentration_ThrowsNamingThePollutantsToSet()
    {
        var exception = Assert.Throws<ArgumentException>(() => AirQualityIndex.Compute(AirQualityScheme.Atmo, new PollutantConcentrations()));

        Assert.Equal("concentrations", exception.ParamName);
        Assert.Contains("Pm25, Pm10, No2, O3, So2", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void PollutantConcentrations_NegativeNaNOrInfinite_ThrowsNamingThePollutantAndTheAllowedValues(double concentration)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new PollutantConcentrations { O3 = concentration });

        Assert.Equal("O3", exception.ParamName);
        Assert.Contains("at or above 0", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_NegativeConcentration_ThrowsNamingTheParameter()
    {
        var bands = AirQualityIndex.Table(AirQualityScheme.Atmo).For(Pollutant.No2)!;

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => bands.Classify(-1));

        Assert.Equal("concentration", exception.ParamName);
    }
}
