namespace UrbanSensing.Analytics.Comfort.Tests;

public sealed class HumidexTests
{
    // ecmwf/thermofeel tests/test_scalars.py, test_humidex: t2 = 304 K, td = 300 K → 318.4601286141123 K, to 1e-6.
    [Fact]
    public void FromDewPoint_ThermofeelTestValue_MatchesToMicrokelvin()
    {
        var result = Humidex.FromDewPoint(304 - 273.15, 300 - 273.15);

        Assert.Equal(318.4601286141123 - 273.15, result.Value, 1e-6);
        Assert.Equal("Cel", result.Unit);
    }

    // Environment Canada's examples as the Wikipedia article "Humidex" gives them: 30 °C with a dew point of 15 °C is
    // a humidex of 34; with a dew point of 25 °C, 42 (whole numbers, as Environment Canada reports it).
    [Theory]
    [InlineData(30, 15, 34)]
    [InlineData(30, 25, 42)]
    public void FromDewPoint_EnvironmentCanadaExamples_RoundToPublishedValue(double temperature, double dewPoint, double expected)
    {
        Assert.Equal(expected, Math.Round(Humidex.FromDewPoint(temperature, dewPoint).Value));
    }

    // The humidex chart by temperature and relative humidity quoted at zone10.org.au/humidex.htm: 30 °C at 70 % is a
    // humidex of 41, "great discomfort".
    [Fact]
    public void FromRelativeHumidity_HumidexChart30CelsiusAnd70Percent_Is41()
    {
        var result = Humidex.FromRelativeHumidity(30, 70);

        Assert.Equal(41, Math.Round(result.Value));
        Assert.Equal(HumidexCategory.GreatDiscomfort, result.Category);
    }

    [Fact]
    public void FromRelativeHumidity_SameAsFromBoltonDewPoint()
    {
        var dewPoint = Psychrometrics.DewPoint(27, 60).Value;

        Assert.Equal(Humidex.FromDewPoint(27, dewPoint).Value, Humidex.FromRelativeHumidity(27, 60).Value, 1e-12);
    }

    // At 100 % the dew point is the air temperature. pythermalcomfort's test_humidex_dangerous_discomfort also puts
    // 30 °C and 100 % in the dangerous range (with its default Rana et al. formula, not this one).
    [Fact]
    public void FromRelativeHumidity_SaturatedAir_EqualsDewPointAtAirTemperature()
    {
        var result = Humidex.FromRelativeHumidity(30, 100);

        Assert.Equal(Humidex.FromDewPoint(30, 30).Value, result.Value, 1e-9);
        Assert.Equal(HumidexCategory.Dangerous, result.Category);
    }

    // Environment Canada's ranges on whole numbers: ≤ 29, 30–39, 40–45, above 45, above 54.
    [Theory]
    [InlineData(20, HumidexCategory.LittleOrNoDiscomfort)]
    [InlineData(29, HumidexCategory.LittleOrNoDiscomfort)]
    [InlineData(29.49, HumidexCategory.LittleOrNoDiscomfort)]
    [InlineData(29.5, HumidexCategory.SomeDiscomfort)]
    [InlineData(30, HumidexCategory.SomeDiscomfort)]
    [InlineData(39, HumidexCategory.SomeDiscomfort)]
    [InlineData(39.5, HumidexCategory.GreatDiscomfort)]
    [InlineData(40, HumidexCategory.GreatDiscomfort)]
    [InlineData(45, HumidexCategory.GreatDiscomfort)]
    [InlineData(45.49, HumidexCategory.GreatDiscomfort)]
    [InlineData(45.5, HumidexCategory.Dangerous)]
    [InlineData(46, HumidexCategory.Dangerous)]
    [InlineData(54, HumidexCategory.Dangerous)]
    [InlineData(54.49, HumidexCategory.Dangerous)]
    [InlineData(54.5, HumidexCategory.HeatStrokeImminent)]
    [InlineData(55, HumidexCategory.HeatStrokeImminent)]
    public void Classify_EnvironmentCanadaRangeBoundaries_OnRoundedValue(double humidex, HumidexCategory expected)
    {
        Assert.Equal(expected, Humidex.Classify(humidex));
    }

    [Fact]
    public void FromDewPoint_DewPointAboveAirTemperature_ThrowsNamingIt()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Humidex.FromDewPoint(25, 26));

        Assert.Equal("dewPoint", exception.ParamName);
    }

    [Theory]
    [InlineData(-5)]
    [InlineData(101)]
    [InlineData(double.NaN)]
    public void FromRelativeHumidity_HumidityOutsideRange_ThrowsNamingIt(double humidity)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Humidex.FromRelativeHumidity(25, humidity));

        Assert.Equal("relativeHumidity", exception.ParamName);
    }
}
