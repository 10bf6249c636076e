namespace UrbanSensing.Analytics.Comfort.Tests;

public sealed class HeatIndexTests
{
    private static double Celsius(double fahrenheit) => (fahrenheit - 32) / 1.8;

    private static double Fahrenheit(double celsius) => (celsius * 1.8) + 32;

    // The NWS heat index chart (NWS Tulsa, srh.noaa.gov/tsa/?n=heatindex), °F, whole degrees. The chart rounds
    // Steadman's tables; nine of its 130 cells differ from the NWS equations by more than rounding (at 80–86 °F with
    // 90–100 % and at 90 °F/45 %, up to 2.3 °F where the high-humidity adjustment applies) and are not listed here.
    [Theory]
    [InlineData(80, 40, 80)]
    [InlineData(80, 60, 82)]
    [InlineData(80, 85, 85)]
    [InlineData(82, 70, 86)]
    [InlineData(84, 55, 86)]
    [InlineData(86, 75, 97)]
    [InlineData(88, 50, 91)]
    [InlineData(88, 100, 121)]
    [InlineData(90, 40, 91)]
    [InlineData(90, 70, 106)]
    [InlineData(90, 100, 132)]
    [InlineData(92, 60, 105)]
    [InlineData(94, 85, 135)]
    [InlineData(96, 65, 121)]
    [InlineData(98, 55, 117)]
    [InlineData(100, 40, 109)]
    [InlineData(100, 65, 136)]
    [InlineData(102, 50, 124)]
    [InlineData(104, 55, 137)]
    [InlineData(106, 40, 124)]
    [InlineData(108, 45, 137)]
    [InlineData(110, 40, 136)]
    public void Calculate_NwsHeatIndexChart_RoundsToPublishedValue(double temperatureF, double humidity, double expectedF)
    {
        var result = HeatIndex.Calculate(Celsius(temperatureF), humidity);

        Assert.Equal(expectedF, Math.Round(Fahrenheit(result.Value)));
        Assert.Equal("Cel", result.Unit);
    }

    // MetPy tests/calc/test_basic.py: test_heat_index_basic, _scalar and _vs_nws (the NWS online calculator,
    // wpc.ncep.noaa.gov/html/heatindex.shtml, as MetPy recorded it on 2019-07-17); whole °F.
    [Theory]
    [InlineData(80, 40, 80)]
    [InlineData(92, 70, 112)]
    [InlineData(86, 88, 104)]
    [InlineData(96, 65, 121)]
    [InlineData(86, 45, 87)]
    [InlineData(111, 27, 121)]
    [InlineData(96, 60, 116)]
    public void Calculate_MetPyAndNwsCalculatorValues_RoundToPublishedValue(double temperatureF, double humidity, double expectedF)
    {
        Assert.Equal(expectedF, Math.Round(Fahrenheit(HeatIndex.Calculate(Celsius(temperatureF), humidity).Value)));
    }

    [Fact]
    public void Calculate_MetPyTestHeatIndexUnits35CelsiusAnd70Percent_Is50Point3405Celsius()
    {
        var result = HeatIndex.Calculate(35, 70);

        Assert.Equal(50.3405, result.Value, 0.00015);
        Assert.Equal(HeatIndexFormula.Rothfusz, result.Formula);
        Assert.Equal(HeatIndexCategory.Danger, result.Category);
    }

    // pythermalcomfort tests/test_heat_index_rothfusz.py (29 °C, 50 % → 29.7 °C, caution) and its validation table
    // ts_heat_index.json (30 °C, 80 % → 37.7 °C, tolerance 0.1).
    [Theory]
    [InlineData(29, 50, 29.7, HeatIndexCategory.Caution)]
    [InlineData(30, 80, 37.7, HeatIndexCategory.ExtremeCaution)]
    public void Calculate_PythermalcomfortValues_MatchToOneDecimal(
        double temperature, double humidity, double expected, HeatIndexCategory category)
    {
        var result = HeatIndex.Calculate(temperature, humidity);

        Assert.Equal(expected, result.Value, 0.1);
        Assert.Equal(category, result.Category);
    }

    // Worked from the equations of the NWS page "The Heat Index Equation": at 100 °F and 10 % the regression gives
    // 94.7526087 °F and the low-humidity adjustment [(13 − 10)/4] × √[(17 − 5)/17] = 0.6301260 °F is subtracted.
    [Fact]
    public void Calculate_NwsEquationLowHumidityAdjustment_IsSubtracted()
    {
        var result = HeatIndex.Calculate(Celsius(100), 10);

        Assert.Equal(94.12248266, Fahrenheit(result.Value), 1e-6);
    }

    // Worked from the same page: at 84 °F and 90 % the regression gives 98.0425021 °F and
    // [(90 − 85)/10] × [(87 − 84)/5] = 0.3 °F is added.
    [Fact]
    public void Calculate_NwsEquationHighHumidityAdjustment_IsAdded()
    {
        var result = HeatIndex.Calculate(Celsius(84), 90);

        Assert.Equal(98.34250214, Fahrenheit(result.Value), 1e-6);
    }

    // Below the switch point the NWS page's simple formula applies: 0.5 × (75 + 61 + 1.2 × 7 + 0.094 × 50) = 74.55 °F.
    [Fact]
    public void Calculate_BelowSwitchPoint_UsesSteadmansSimpleFormula()
    {
        var result = HeatIndex.Calculate(Celsius(75), 50);

        Assert.Equal(HeatIndexFormula.Simple, result.Formula);
        Assert.Equal(74.55, Fahrenheit(result.Value), 1e-9);
        Assert.Equal(HeatIndexCategory.None, result.Category);
    }

    // At 79 °F and 100 % the simple formula gives 81.3 °F; averaged with 79 °F that is 80.15 °F, so the NWS procedure
    // switches to the regression (83.80052814 °F, no adjustment below 80 °F) while switching on the air temperature
    // keeps 81.3 °F.
    [Fact]
    public void Calculate_SwitchPoints_DifferJustBelow80Fahrenheit()
    {
        var nws = HeatIndex.Calculate(Celsius(79), 100);
        var onTemperature = HeatIndex.Calculate(Celsius(79), 100, HeatIndexSwitchPoint.AirTemperature);

        Assert.Equal(HeatIndexFormula.Rothfusz, nws.Formula);
        Assert.Equal(83.80052814, Fahrenheit(nws.Value), 1e-6);
        Assert.Equal(HeatIndexFormula.Simple, onTemperature.Formula);
        Assert.Equal(81.3, Fahrenheit(onTemperature.Value), 1e-9);
    }

    // At 80 °F and 10 % the NWS average is 79.085 °F (simple formula, 78.17 °F); switching on the air temperature uses
    // the regression with the low-humidity adjustment (77.85844622 °F).
    [Fact]
    public void Calculate_AirTemperatureSwitchAt80Fahrenheit_UsesRegression()
    {
        var nws = HeatIndex.Calculate(Celsius(80), 10);
        var onTemperature = HeatIndex.Calculate(Celsius(80), 10, HeatIndexSwitchPoint.AirTemperature);

        Assert.Equal(78.17, Fahrenheit(nws.Value), 1e-9);
        Assert.Equal(77.85844622, Fahrenheit(onTemperature.Value), 1e-6);
    }

    [Theory]
    [InlineData(79.999, HeatIndexCategory.None)]
    [InlineData(80, HeatIndexCategory.Caution)]
    [InlineData(89.999, HeatIndexCategory.Caution)]
    [InlineData(90, HeatIndexCategory.ExtremeCaution)]
    [InlineData(102.999, HeatIndexCategory.ExtremeCaution)]
    [InlineData(103, HeatIndexCategory.Danger)]
    [InlineData(124, HeatIndexCategory.Danger)]
    [InlineData(124.999, HeatIndexCategory.Danger)]
    [InlineData(125, HeatIndexCategory.ExtremeDanger)]
    [InlineData(140, HeatIndexCategory.ExtremeDanger)]
    public void Classify_NwsBandBoundaries_LowerEndInclusive(double heatIndexF, HeatIndexCategory expected)
    {
        Assert.Equal(expected, HeatIndex.Classify(heatIndexF));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(100.1)]
    [InlineData(double.NaN)]
    public void Calculate_HumidityOutsideZeroToHundred_ThrowsNamingItAndRange(double humidity)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => HeatIndex.Calculate(30, humidity));

        Assert.Equal("relativeHumidity", exception.ParamName);
        Assert.Contains("between 0 and 100 %", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_TemperatureNaN_ThrowsNamingIt()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => HeatIndex.Calculate(double.NaN, 50));

        Assert.Equal("airTemperature", exception.ParamName);
    }
}
