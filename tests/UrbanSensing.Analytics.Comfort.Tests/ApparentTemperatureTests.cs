namespace UrbanSensing.Analytics.Comfort.Tests;

public sealed class ApparentTemperatureTests
{
    // ecmwf/thermofeel tests/test_scalars.py, test_apparent_temperature: 25 °C, 3 m/s, 75 % → 299.86678322384626 K.
    [Fact]
    public void Calculate_ThermofeelTestValue_MatchesToMicrokelvin()
    {
        var result = ApparentTemperature.Calculate(25, 75, 3);

        Assert.Equal(299.86678322384626 - 273.15, result.Value, 1e-6);
        Assert.Equal("Cel", result.Unit);
    }

    // pythermalcomfort validation table ts_at.json (validation-data-comfort-models), tolerance 0.1.
    [Theory]
    [InlineData(25, 30, 0.1, 24.1)]
    [InlineData(23, 70, 1, 24.8)]
    public void Calculate_PythermalcomfortValidationTable_MatchesToOneDecimal(
        double temperature, double humidity, double wind, double expected)
    {
        Assert.Equal(expected, ApparentTemperature.Calculate(temperature, humidity, wind).Value, 0.1);
    }

    [Fact]
    public void Calculate_EachMetrePerSecondOfWind_Removes0Point7Degree()
    {
        var calm = ApparentTemperature.Calculate(18, 60, 0).Value;
        var windy = ApparentTemperature.Calculate(18, 60, 10).Value;

        Assert.Equal(7.0, calm - windy, 1e-9);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Calculate_NegativeOrNaNWind_ThrowsNamingIt(double wind)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => ApparentTemperature.Calculate(20, 50, wind));

        Assert.Equal("windSpeed", exception.ParamName);
        Assert.Contains("0 m/s or more", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_HumidityAbove100_ThrowsNamingIt()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => ApparentTemperature.Calculate(20, 120, 1));

        Assert.Equal("relativeHumidity", exception.ParamName);
    }
}
