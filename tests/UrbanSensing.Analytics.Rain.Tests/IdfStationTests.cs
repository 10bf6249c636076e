namespace UrbanSensing.Analytics.Rain.Tests;

public sealed class IdfStationTests
{
    // ASTEE, Mémento technique 2017, Tableau 31: example Météo-France Montana coefficients, 30 min to 6 h,
    // h(t) = a · t^(1−b) with h in mm and t in min.
    private static readonly (double Years, double A, double B)[] AsteeTable31 =
    [
        (5, 10.874, 0.779),
        (10, 15.096, 0.803),
        (20, 20.219, 0.825),
        (30, 23.79, 0.838),
        (50, 28.93, 0.852),
        (100, 37.379, 0.872),
    ];

    private static IdfStation Station() =>
        new("ASTEE example", AsteeTable31.Select(r => new MontanaFit(r.Years, 30, 360, new MontanaCoefficients(r.A, r.B))));

    private static double Intensity(double a, double b, double minutes) => 60 * a * Math.Pow(minutes, -b);

    [Fact]
    public void DepthMm_AsteeTenYearsOneHour_IsATimesTToTheOneMinusB()
    {
        // Hand: 60^0.197 = exp(0.197 × ln 60) = exp(0.197 × 4.09434) = exp(0.806586) = 2.24032;
        // h = 15.096 × 2.24032 = 33.82 mm in one hour, i.e. 33.82 mm/h.
        var station = Station();

        Assert.Equal(33.82, station.DepthMm(10, 60), 2);
        Assert.Equal(33.82, station.IntensityMmPerHour(10, 60), 2);
    }

    [Theory]
    [InlineData(30)]
    [InlineData(45)]
    [InlineData(240)]
    public void IntensityMmPerHour_AnyDuration_IsSixtyTimesDepthOverMinutes(double minutes)
    {
        // Météo-France: i(t) = a′ t^(−b′) in mm/h with a′ = 60 a, b′ = b, so i = 60 h / t.
        var coefficients = new MontanaCoefficients(20.219, 0.825);

        Assert.Equal(60 * coefficients.DepthMm(minutes) / minutes, coefficients.IntensityMmPerHour(minutes), 9);
    }

    [Fact]
    public void ReturnPeriodOf_IntensityHalfwayBetweenTenAndTwentyYears_IsTheirGeometricMean()
    {
        // Linear in ln T: halfway in intensity gives ln T = (ln 10 + ln 20) / 2, T = √200 = 14.14 years.
        var i10 = Intensity(15.096, 0.803, 60);
        var i20 = Intensity(20.219, 0.825, 60);

        var estimate = Station().ReturnPeriodOf((i10 + i20) / 2, 60);

        Assert.Equal(ReturnPeriodStatus.Interpolated, estimate.Status);
        Assert.Equal(Math.Sqrt(200), estimate.Years!.Value, 9);
    }

    [Fact]
    public void ReturnPeriodOf_IntensityOfTheFiftyYearFit_IsFiftyYears()
    {
        var estimate = Station().ReturnPeriodOf(Intensity(28.93, 0.852, 120), 120);

        Assert.Equal(50, estimate.Years!.Value, 9);
    }

    [Fact]
    public void ReturnPeriodOf_IntensityBelowTheFiveYearFit_SaysBelowTMinWithoutANumber()
    {
        // 5-year, 60 min: 60 × 10.874 × 60^−0.779 = 26.88 mm/h; 10 mm/h is below it.
        var estimate = Station().ReturnPeriodOf(10, 60);

        Assert.Equal(ReturnPeriodStatus.BelowMinimum, estimate.Status);
        Assert.Null(estimate.Years);
        Assert.Equal(5, estimate.BoundYears);
        Assert.Equal("below T_min = 5 years", estimate.ToString());
    }

    [Fact]
    public void ReturnPeriodOf_IntensityAboveTheHundredYearFit_SaysAboveTMaxWithoutANumber()
    {
        // 100-year, 60 min: 63.13 mm/h; 100 mm/h is above it.
        var estimate = Station().ReturnPeriodOf(100, 60);

        Assert.Equal(ReturnPeriodStatus.AboveMaximum, estimate.Status);
        Assert.Null(estimate.Years);
        Assert.Equal(100, estimate.BoundYears);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(15)]
    [InlineData(361)]
    public void ReturnPeriodOf_DurationOutsideTheFits_HasNoAnswer(double minutes)
    {
        var estimate = Station().ReturnPeriodOf(50, minutes);

        Assert.Equal(ReturnPeriodStatus.DurationNotFitted, estimate.Status);
        Assert.Null(estimate.Years);
    }

    [Fact]
    public void ReturnPeriodOf_TwoDurationRanges_UsesTheFitThatCoversTheDuration()
    {
        var station = new IdfStation(
            "two ranges",
            [
                new MontanaFit(10, 6, 30, new MontanaCoefficients(5, 0.5)),
                new MontanaFit(10, 30, 360, new MontanaCoefficients(15.096, 0.803)),
                new MontanaFit(20, 6, 30, new MontanaCoefficients(6, 0.5)),
                new MontanaFit(20, 30, 360, new MontanaCoefficients(20.219, 0.825)),
            ]);

        // 15 min, short fits: i10 = 60 × 5 / √15 = 77.46 mm/h, i20 = 60 × 6 / √15 = 92.95 mm/h; halfway → √200.
        Assert.Equal(Math.Sqrt(200), station.ReturnPeriodOf((60 * 5.5) / Math.Sqrt(15), 15).Years!.Value, 9);
        Assert.Equal(20, station.ReturnPeriodOf(Intensity(20.219, 0.825, 90), 90).Years!.Value, 9);
    }

    [Fact]
    public void Constructor_OverlappingDurationRanges_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new IdfStation(
            "overlap",
            [
                new MontanaFit(10, 6, 60, new MontanaCoefficients(5, 0.5)),
                new MontanaFit(10, 30, 360, new MontanaCoefficients(15.096, 0.803)),
            ]));

        Assert.Equal("fits", error.ParamName);
    }

    [Fact]
    public void ReturnPeriodOf_LongerReturnPeriodLessIntense_ThrowsNamingTheStation()
    {
        var station = new IdfStation(
            "inconsistent",
            [
                new MontanaFit(10, 30, 360, new MontanaCoefficients(20, 0.8)),
                new MontanaFit(20, 30, 360, new MontanaCoefficients(10, 0.8)),
            ]);

        var error = Assert.Throws<InvalidOperationException>(() => station.ReturnPeriodOf(30, 60));

        Assert.Contains("inconsistent", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(-1, 0.5)]
    [InlineData(5, 0)]
    [InlineData(5, 1)]
    [InlineData(5, double.NaN)]
    public void MontanaCoefficients_OutsideRange_Throw(double a, double b)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MontanaCoefficients(a, b));
    }

    [Fact]
    public void LilleLesquinExample_ShippedFile_IsLabelledAsAnExampleAndHoldsAsteeTable31()
    {
        var station = IdfStation.LilleLesquinExample();

        Assert.True(station.IsExample);
        Assert.Contains("EXAMPLE", station.Name, StringComparison.Ordinal);
        Assert.Contains("ASTEE", station.Source, StringComparison.Ordinal);
        Assert.Equal(AsteeTable31.Select(r => r.Years), station.Fits.Select(f => f.ReturnPeriodYears));
        Assert.Equal(AsteeTable31.Select(r => (r.A, r.B)), station.Fits.Select(f => (f.Coefficients.A, f.Coefficients.B)));
        Assert.All(station.Fits, f => Assert.Equal((30.0, 360.0), (f.MinDurationMinutes, f.MaxDurationMinutes)));
    }

    [Fact]
    public void FromJson_FitWithBOutOfRange_ThrowsNamingB()
    {
        const string Json = """{ "station": "x", "fits": [ { "returnPeriodYears": 10, "minDurationMinutes": 6, "maxDurationMinutes": 60, "a": 5, "b": 1.2 } ] }""";

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => IdfStation.FromJson(Json));

        Assert.Equal("b", error.ParamName);
    }
}
