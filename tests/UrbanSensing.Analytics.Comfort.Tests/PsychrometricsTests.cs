namespace UrbanSensing.Analytics.Comfort.Tests;

public sealed class PsychrometricsTests
{
    // MetPy tests/calc/test_thermo.py, test_sat_vapor_pressure (2 decimals) and test_sat_vapor_pressure_scalar (3).
    [Theory]
    [InlineData(5, 8.72, 0.005)]
    [InlineData(10, 12.27, 0.005)]
    [InlineData(18, 20.63, 0.005)]
    [InlineData(25, 31.67, 0.005)]
    [InlineData(0, 6.112, 0.0005)]
    public void SaturationVapourPressure_MetPyTestValues_Match(double temperature, double expected, double tolerance)
    {
        Assert.Equal(expected, Psychrometrics.SaturationVapourPressure(temperature), tolerance);
    }

    // MetPy test_sat_vapor_pressure_fahrenheit: 50 °F and 68 °F to 4 decimals.
    [Theory]
    [InlineData(10, 12.2717)]
    [InlineData(20, 23.3695)]
    public void SaturationVapourPressure_MetPyFahrenheitTestValues_MatchToFourDecimals(double temperature, double expected)
    {
        Assert.Equal(expected, Psychrometrics.SaturationVapourPressure(temperature), 0.00005);
    }

    // MetPy test_dewpoint (6.112 hPa → 0 °C) and test_dewpoint_weird_units (15825.6 g·mbar/kg = 15.8256 hPa → 13.8564 °C).
    [Theory]
    [InlineData(6.112, 0.0, 0.005)]
    [InlineData(15.8256, 13.8564, 0.00005)]
    public void DewPointFromVapourPressure_MetPyTestValues_Match(double vapourPressure, double expected, double tolerance)
    {
        Assert.Equal(expected, Psychrometrics.DewPointFromVapourPressure(vapourPressure).Value, tolerance);
    }

    // MetPy test_basic_dewpoint_from_relative_humidity: whole degrees.
    [Theory]
    [InlineData(30, 30, 11)]
    [InlineData(25, 45, 12)]
    [InlineData(10, 55, 1)]
    [InlineData(20, 80, 16)]
    [InlineData(25, 85, 22)]
    public void DewPoint_MetPyBasicTestValues_RoundToPublishedDegree(double temperature, double humidity, double expected)
    {
        var dewPoint = Psychrometrics.DewPoint(temperature, humidity);

        Assert.Equal(expected, Math.Round(dewPoint.Value));
        Assert.Equal("Cel", dewPoint.Unit);
    }

    [Fact]
    public void DewPoint_MetPyScalarTest10Point6CelsiusAnd37Percent_Is26Fahrenheit()
    {
        var dewPoint = Psychrometrics.DewPoint(10.6, 37).Value;

        Assert.Equal(26, Math.Round((dewPoint * 1.8) + 32));
    }

    [Fact]
    public void DewPoint_SaturatedAir_EqualsAirTemperature()
    {
        Assert.Equal(17.3, Psychrometrics.DewPoint(17.3, 100).Value, 1e-9);
    }

    // MetPy test_relative_humidity_from_dewpoint (53.80 %, 2 decimals) and _with_f (70 °F, 55 °F → 58.935 %, 3 decimals).
    [Theory]
    [InlineData(25, 15, 53.80, 0.005)]
    [InlineData(21.111111111111111, 12.777777777777779, 58.935, 0.0005)]
    public void RelativeHumidity_MetPyTestValues_Match(double temperature, double dewPoint, double expected, double tolerance)
    {
        Assert.Equal(expected, Psychrometrics.RelativeHumidity(temperature, dewPoint), tolerance);
    }

    [Theory]
    [InlineData(-10, 50)]
    [InlineData(0, 1)]
    [InlineData(35, 99)]
    public void RelativeHumidity_OfDewPoint_RoundTrips(double temperature, double humidity)
    {
        var dewPoint = Psychrometrics.DewPoint(temperature, humidity).Value;

        Assert.Equal(humidity, Psychrometrics.RelativeHumidity(temperature, dewPoint), 1e-9);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(100.5)]
    [InlineData(double.NaN)]
    public void DewPoint_HumidityOutsideZeroExclusiveToHundred_ThrowsNamingIt(double humidity)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Psychrometrics.DewPoint(20, humidity));

        Assert.Equal("relativeHumidity", exception.ParamName);
        Assert.Contains("100 %", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RelativeHumidity_DewPointAboveAirTemperature_ThrowsNamingIt()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Psychrometrics.RelativeHumidity(20, 21));

        Assert.Equal("dewPoint", exception.ParamName);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void SaturationVapourPressure_NotFinite_Throws(double temperature)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Psychrometrics.SaturationVapourPressure(temperature));

        Assert.Equal("airTemperature", exception.ParamName);
    }

    [Fact]
    public void DewPointFromVapourPressure_Zero_Throws()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Psychrometrics.DewPointFromVapourPressure(0));

        Assert.Equal("vapourPressure", exception.ParamName);
    }
}
