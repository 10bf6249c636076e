using UrbanSensing.Protocol;
using UrbanSensing.Analytics.Quality.CrowdQc;

namespace UrbanSensing.Analytics.Quality.Tests.CrowdQc;

/// <summary>
/// Steps and defaults after the CrowdQC+ R package (dafenner/CrowdQCplus, R/cqcp_filter.R) and Fenner et al. (2021),
/// Front. Environ. Sci. 9:720747; Napoly et al. (2018), Geosci. Instrum. Method. Data Syst. 7:113–122.
/// </summary>
public sealed class CrowdQcPlusTests
{
    [Fact]
    public void Run_CleanNetwork_FlagsNothingAndKeepsEveryValue()
    {
        var stations = Networks.Clean();

        var results = Networks.Run(stations);

        Assert.Equal(stations.Count, results.Count);
        for (var s = 0; s < stations.Count; s++)
        {
            Assert.Equal(stations[s].Id, results[s].StationId);
            Assert.Equal(stations[s].HourlyTemperatures, results[s].Hours.Select(hour => hour.Value));
            Assert.All(results[s].Hours, hour => Assert.Equal(QualityFlags.None, hour.Flags));
        }
    }

    // m2 by hand: 19 stations at 19.0, 19.1, …, 20.8 °C and one at 35 °C. Median 19.95; Qn: h = 11, k = 55, the 55th
    // smallest distance is 0.4, times 2.21914 over robustbase's correction 1.18909 for n = 20 gives 0.7465. z of 35 °C
    // is 20.2 > qnorm(0.95) = 1.64; the others lie in [-1.27, 1.14], inside [qnorm(0.01), qnorm(0.95)] = [-2.33, 1.64].
    [Fact]
    public void Run_OneHourWithObviousOutlier_FlagsOnlyItInM2()
    {
        var stations = Networks.Clean(hours: 1);
        for (var s = 0; s < stations.Count; s++)
        {
            var value = s < 19 ? 19.0 + (0.1 * s) : 35.0;
            stations[s] = Networks.WithValues(stations[s], (_, _) => value);
        }

        var results = Networks.Run(stations);

        Assert.Equal(QualityFlags.CrowdQcM2, results[19].Hours[0].Flags & QualityFlags.CrowdQcM2);
        Assert.All(results.Take(19), result => Assert.Equal(QualityFlags.None, result.Hours[0].Flags & QualityFlags.CrowdQcM2));
        Assert.Equal(35.0, results[19].Hours[0].Value);
    }

    // cqcp_m2's low = 0.01 (z > -2.33) against the 0.1 (z > -1.28) of earlier cqcp_qcCWS: the coldest station moved to
    // offset -1.15 K scores z = -1.54 (median 0, Qn 0.7465), kept by the first and flagged by the second.
    [Theory]
    [InlineData(0.01, false)]
    [InlineData(0.1, true)]
    public void Run_LowProbabilityOption_DecidesModeratelyColdStation(double lowProbability, bool flagged)
    {
        var stations = Networks.Clean();
        stations[0] = Networks.WithValues(stations[0], (hour, _) => Networks.Base(hour) - 1.15);

        var results = Networks.Run(stations, new CrowdQcPlusOptions { M2LowProbability = lowProbability });

        Assert.All(results[0].Hours, hour => Assert.Equal(flagged, hour.Flags.HasFlag(QualityFlags.CrowdQcM2)));
    }

    [Fact]
    public void Run_TwoStationsAtSameCoordinates_FlagsBothInM1()
    {
        var stations = Networks.Clean();
        stations[3] = stations[3] with { Latitude = stations[2].Latitude, Longitude = stations[2].Longitude };

        var results = Networks.Run(stations);

        Assert.All(results[2].Hours.Concat(results[3].Hours), hour => Assert.Equal(QualityFlags.CrowdQcM1, hour.Flags));
        Assert.All(results[4].Hours, hour => Assert.Equal(QualityFlags.None, hour.Flags));
    }

    // m3: a station-month is flagged when more than 20 % of its hours are missing or failed m1/m2 (cqcp_m3's
    // documentation and Napoly et al. 2018). Ten hours: 2 missing is 20 % and passes, 3 missing is 30 % and fails.
    [Theory]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public void Run_MissingHoursJustAtAndAboveTwentyPercent_FlagsMonthInM3OnlyAbove(int missingHours, bool flagged)
    {
        var stations = Networks.Clean(hours: 10);
        stations[7] = Networks.WithValues(stations[7], (hour, value) => hour % 3 == 0 && hour / 3 < missingHours ? null : value);

        var hours = Networks.Run(stations)[7].Hours;

        Assert.Equal(missingHours, hours.Count(hour => hour.Flags.HasFlag(QualityFlags.Missing)));
        Assert.All(hours.Where(hour => hour.Value.HasValue), hour => Assert.Equal(flagged, hour.Flags.HasFlag(QualityFlags.CrowdQcM3)));
    }

    // m4: station 19 reads base + 0.5 ± 0.4 K alternating hour by hour; it always ranks above the middle, so the network
    // median stays the base, and its Pearson r with the median is 0.870388 over the 48 hours (hand computation).
    [Theory]
    [InlineData(0.9, true)]
    [InlineData(0.8705, true)]
    [InlineData(0.8703, false)]
    public void Run_StationCorrelatingAtPoint87_FlagsMonthInM4BelowCutOff(double minimumCorrelation, bool flagged)
    {
        var stations = Networks.Clean();
        stations[19] = Networks.WithValues(stations[19], (hour, _) => Networks.Base(hour) + 0.5 + (hour % 2 == 0 ? 0.4 : -0.4));

        var results = Networks.Run(stations, new CrowdQcPlusOptions { M4MinCorrelation = minimumCorrelation });

        Assert.All(results[19].Hours, hour => Assert.Equal(flagged ? QualityFlags.CrowdQcM4 : QualityFlags.None, hour.Flags));
        Assert.All(results.Take(19).SelectMany(result => result.Hours), hour => Assert.Equal(QualityFlags.None, hour.Flags));
    }

    // m5 neighbour counting with haversine distances (radius 3000 m, 5 buddies): a centre station with buddies 1000,
    // 1500, 2000 and 2500 m north and a fifth 2990 m (inside) or 3010 m (outside) east.
    [Theory]
    [InlineData(2990, false)]
    [InlineData(3010, true)]
    public void Run_FifthBuddyJustInsideOrOutsideRadius_DecidesIsolation(double fifthBuddyMetres, bool isolated)
    {
        double[] north = [0, 1000, 1500, 2000, 2500, 0];
        double[] east = [0, 0, 0, 0, 0, fifthBuddyMetres];
        var stations = Networks.Clean(stations: 6);
        for (var s = 0; s < stations.Count; s++)
        {
            var (latitude, longitude) = Networks.At(north[s], east[s]);
            stations[s] = stations[s] with { Latitude = latitude, Longitude = longitude };
        }

        var centre = Networks.Run(stations)[0];

        Assert.Equal(isolated, centre.IsIsolated);
        Assert.All(centre.Hours, hour => Assert.Equal(isolated ? QualityFlags.CrowdQcM5 : QualityFlags.None, hour.Flags));
    }

    [Fact]
    public void Run_IsolatedStationWithKeepIsolated_PassesM5()
    {
        var stations = Networks.Clean();
        var (latitude, longitude) = Networks.At(10_000, 0);
        stations[5] = stations[5] with { Latitude = latitude, Longitude = longitude };

        var results = Networks.Run(stations, new CrowdQcPlusOptions { M5KeepIsolated = true });

        Assert.True(results[5].IsIsolated);
        Assert.All(results[5].Hours, hour => Assert.Equal(QualityFlags.None, hour.Flags));
    }

    // m5 as a spatial outlier filter: ten stations 10 km away read 1.5 K warmer, so a station of the first cluster
    // reading 1.5 K too warm for one hour looks ordinary network-wide but is far outside its own buddies. o1 then fills
    // the hour from its neighbours in time, and the value read stays in the result.
    [Fact]
    public void Run_WarmHourAmongCoolBuddies_FlagsThatHourInM5()
    {
        var stations = Networks.Clean();
        for (var s = 10; s < 20; s++)
        {
            var (latitude, longitude) = Networks.At(10_000 + (300 * (s / 5)), 300 * (s % 5));
            var offset = 1.5 + Networks.Offset(s - 10);
            stations[s] = Networks.WithValues(stations[s] with { Latitude = latitude, Longitude = longitude }, (hour, _) => Networks.Base(hour) + offset);
        }

        stations[4] = Networks.WithValues(stations[4], (hour, value) => hour == 30 ? value + 1.5 : value);
        var options = new CrowdQcPlusOptions { M2LowProbability = 0.001, M2HighProbability = 0.999, M5MinBuddies = 5 };

        var hours = Networks.Run(stations, options)[4].Hours;

        Assert.Equal(QualityFlags.CrowdQcM5 | QualityFlags.CrowdQcInterpolated, hours[30].Flags);
        Assert.Equal(Networks.Base(30) + Networks.Offset(4) + 1.5, hours[30].Value!.Value, 12);
        Assert.All(hours.Where((_, hour) => hour != 30), hour => Assert.False(hour.Flags.HasFlag(QualityFlags.CrowdQcM5)));
    }

    // o1 (cqcp_interpol, maxLength 1): a single missing hour is filled linearly, two in a row are not.
    [Fact]
    public void Run_SingleAndDoubleGaps_InterpolatesOnlyTheSingle()
    {
        var stations = Networks.Clean();
        stations[8] = Networks.WithValues(stations[8], (hour, value) => hour is 10 or 20 or 21 ? null : value);

        var hours = Networks.Run(stations)[8].Hours;

        var expected = (Networks.Base(9) + Networks.Base(11)) / 2 + Networks.Offset(8);
        Assert.Equal(expected, hours[10].InterpolatedValue!.Value, 12);
        Assert.Equal(QualityFlags.Missing | QualityFlags.CrowdQcInterpolated, hours[10].Flags);
        Assert.True(hours[10].IsUsableAfterO1);
        Assert.Null(hours[20].InterpolatedValue);
        Assert.Null(hours[21].InterpolatedValue);
        Assert.Equal(QualityFlags.Missing, hours[20].Flags);
    }

    // o2: a day needs more than 80 % usable hours. With 4 two-hour gaps, 16 of 24 hours are usable (67 %): the day's
    // usable hours are flagged; o3 then counts the month (48 hours, 40 usable after o2 → 24/48 = 50 %) and flags it too.
    [Fact]
    public void Run_DayWithEightMissingHours_FlagsDayInO2AndMonthInO3()
    {
        var stations = Networks.Clean();
        stations[9] = Networks.WithValues(stations[9], (hour, value) => hour < 24 && hour % 6 is 1 or 2 ? null : value);

        var hours = Networks.Run(stations)[9].Hours;

        Assert.All(hours.Take(24).Where(hour => hour.Value.HasValue), hour => Assert.True(hour.Flags.HasFlag(QualityFlags.CrowdQcO2)));
        Assert.All(hours.Skip(24), hour => Assert.Equal(QualityFlags.CrowdQcO3, hour.Flags));
        Assert.Equal(48, hours.Count);
    }

    [Fact]
    public void Run_NaNTemperature_ThrowsNamingStationsAndNull()
    {
        var stations = Networks.Clean();
        stations[1] = Networks.WithValues(stations[1], (hour, value) => hour == 3 ? double.NaN : value);

        var exception = Assert.Throws<ArgumentException>(() => Networks.Run(stations));

        Assert.Equal("stations", exception.ParamName);
        Assert.Contains("null marks a missing hour", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SeriesOfDifferentLengths_ThrowsNamingStations()
    {
        var stations = Networks.Clean();
        stations[1] = stations[1] with { HourlyTemperatures = [.. stations[1].HourlyTemperatures.Take(47)] };

        Assert.Equal("stations", Assert.Throws<ArgumentException>(() => Networks.Run(stations)).ParamName);
    }

    [Fact]
    public void Run_FirstHourNotWholeUtcHour_ThrowsNamingFirstHour()
    {
        var plus = new CrowdQcPlus(new CrowdQcPlusOptions());

        Assert.Equal("firstHour", Assert.Throws<ArgumentException>(() => plus.Run(Networks.Start.AddMinutes(30), Networks.Clean())).ParamName);
        Assert.Equal("firstHour", Assert.Throws<ArgumentException>(() => plus.Run(new DateTimeOffset(2025, 7, 1, 2, 0, 0, TimeSpan.FromHours(2)), Networks.Clean())).ParamName);
    }

    [Fact]
    public void Run_ElevationForSomeStationsOnly_ThrowsNamingStations()
    {
        var stations = Networks.Clean();
        stations[0] = stations[0] with { Elevation = 20 };

        var exception = Assert.Throws<ArgumentException>(() => Networks.Run(stations));

        Assert.Equal("stations", exception.ParamName);
        Assert.Contains("every station or for none", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-3000.0)]
    [InlineData(double.NaN)]
    public void Constructor_RadiusNotPositive_ThrowsNamingRadius(double radius)
    {
        var exception = Assert.Throws<ArgumentException>(() => new CrowdQcPlus(new CrowdQcPlusOptions { M5RadiusMetres = radius }));

        Assert.Equal(nameof(CrowdQcPlusOptions.M5RadiusMetres), exception.ParamName);
        Assert.Contains("between", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_LowProbabilityNotBelowHigh_ThrowsNamingLow()
    {
        var exception = Assert.Throws<ArgumentException>(() => new CrowdQcPlus(new CrowdQcPlusOptions { M2LowProbability = 0.96 }));

        Assert.Equal(nameof(CrowdQcPlusOptions.M2LowProbability), exception.ParamName);
    }

    [Fact]
    public void Options_Defaults_AreThoseOfCqcpQcCws()
    {
        var options = new CrowdQcPlusOptions();

        Assert.Equal(
            (1, 0.01, 0.95, 0.0065, 0.2, 0.9, 3000.0, 5, 0.1, 100.0, 1, 0.8, 0.8),
            (options.M1MaxStationsPerCoordinate, options.M2LowProbability, options.M2HighProbability, options.LapseRate,
             options.M3MaxFailedFraction, options.M4MinCorrelation, options.M5RadiusMetres, options.M5MinBuddies, options.M5Alpha,
             options.M5MaxElevationDifference, options.O1MaxGapHours, options.O2MinDailyFraction, options.O3MinMonthlyFraction));
    }
}
