using UrbanSensing.Protocol;
using UrbanSensing.Analytics.Statistics;

namespace UrbanSensing.Analytics.Quality.CrowdQc;

/// <summary>
/// CrowdQC+ (Fenner et al. 2021, Front. Environ. Sci. 9:720747; after CrowdQC, Napoly et al. 2018, Geosci. Instrum.
/// Method. Data Syst. 7:113–122) over a network of hourly air temperatures: main steps m1 to m5, then the optional o1
/// to o3. Steps, defaults and where this differs from the R package are in README.md.
/// </summary>
/// <remarks>
/// Every station-hour keeps its value. A step looks only at values that passed the steps before it and flags those it
/// rejects, so the flag says which step took a value out. Months and days are UTC calendar months and days.
/// </remarks>
public sealed class CrowdQcPlus
{
    private const QualityFlags MainSteps =
        QualityFlags.Missing | QualityFlags.CrowdQcM1 | QualityFlags.CrowdQcM2 | QualityFlags.CrowdQcM3 | QualityFlags.CrowdQcM4 | QualityFlags.CrowdQcM5;

    private readonly CrowdQcPlusOptions _options;

    /// <exception cref="ArgumentException">An option is out of its range; the message names it and its allowed values.</exception>
    public CrowdQcPlus(CrowdQcPlusOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>Runs every step over the stations, whose hourly values all start at <paramref name="firstHour"/>.</summary>
    /// <param name="firstHour">A whole hour in UTC (offset zero).</param>
    /// <param name="stations">Stations with unique ids, valid coordinates and hourly series of one length.</param>
    /// <returns>One result per station, in input order, each with one entry per input hour.</returns>
    /// <exception cref="ArgumentException">Bad input; the message names the parameter and what it takes.</exception>
    public IReadOnlyList<CrowdQcStationResult> Run(DateTimeOffset firstHour, IReadOnlyList<CrowdQcStation> stations)
    {
        var hours = ValidateInput(firstHour, stations);
        var network = new Network(firstHour, stations, hours);

        FlagMissing(network);
        FlagSharedCoordinates(network);
        FlagNetworkOutliers(network);
        FlagStationMonthsWithManyFailures(network);
        FlagStationMonthsUncorrelatedWithMedian(network);
        var isolated = FlagBuddyOutliers(network);
        var interpolated = Interpolate(network);
        FlagPeriodsWithLowAvailability(network, interpolated);

        var results = new CrowdQcStationResult[stations.Count];
        for (var s = 0; s < stations.Count; s++)
        {
            var station = stations[s];
            var cells = new CrowdQcHour[hours];
            for (var h = 0; h < hours; h++)
            {
                cells[h] = new CrowdQcHour(
                    network.HourStart(h),
                    station.HourlyTemperatures[h],
                    network.Flags[s, h],
                    double.IsNaN(interpolated[s, h]) ? null : interpolated[s, h]);
            }

            results[s] = new CrowdQcStationResult(station.Id, isolated[s], cells);
        }

        return results;
    }

    private static int ValidateInput(DateTimeOffset firstHour, IReadOnlyList<CrowdQcStation> stations)
    {
        if (firstHour.Offset != TimeSpan.Zero || firstHour.Ticks % TimeSpan.TicksPerHour != 0)
        {
            throw new ArgumentException($"Must be a whole hour in UTC (offset 00:00); got {firstHour:O}.", nameof(firstHour));
        }

        ArgumentNullException.ThrowIfNull(stations);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var hours = stations.Count == 0 ? 0 : stations[0].HourlyTemperatures?.Count ?? 0;
        var withElevation = 0;
        foreach (var station in stations)
        {
            if (station is null || string.IsNullOrWhiteSpace(station.Id) || !ids.Add(station.Id))
            {
                throw new ArgumentException($"Every station needs an id, unique in the network; '{station?.Id}' is not.", nameof(stations));
            }

            if (!(station.Latitude is >= -90 and <= 90) || !(station.Longitude is >= -180 and <= 180))
            {
                throw new ArgumentException(
                    $"Station '{station.Id}' lies at ({station.Latitude}, {station.Longitude}); latitude must lie in [-90, 90] and longitude in [-180, 180] degrees.",
                    nameof(stations));
            }

            if (station.HourlyTemperatures is null || station.HourlyTemperatures.Count != hours)
            {
                throw new ArgumentException(
                    $"Station '{station.Id}' has {station.HourlyTemperatures?.Count} hours; every station needs the same number, {hours}, one per hour from the first.",
                    nameof(stations));
            }

            for (var h = 0; h < hours; h++)
            {
                if (station.HourlyTemperatures[h] is { } value && !double.IsFinite(value))
                {
                    throw new ArgumentException(
                        $"Station '{station.Id}' has {value} at hour {h}; values must be finite numbers, and null marks a missing hour.",
                        nameof(stations));
                }
            }

            if (station.Elevation is { } elevation)
            {
                if (!double.IsFinite(elevation))
                {
                    throw new ArgumentException($"Station '{station.Id}' has elevation {elevation}; it must be a finite number of metres.", nameof(stations));
                }

                withElevation++;
            }
        }

        if (withElevation != 0 && withElevation != stations.Count)
        {
            throw new ArgumentException(
                $"{withElevation} of {stations.Count} stations have an elevation; give it for every station or for none.", nameof(stations));
        }

        return hours;
    }

    private static void FlagMissing(Network network)
    {
        for (var s = 0; s < network.StationCount; s++)
        {
            for (var h = 0; h < network.HourCount; h++)
            {
                if (double.IsNaN(network.Values[s, h]))
                {
                    network.Flags[s, h] = QualityFlags.Missing;
                }
            }
        }
    }

    /// <summary>m1: stations with data whose exact coordinates more than the allowed number of stations share.</summary>
    private void FlagSharedCoordinates(Network network)
    {
        var withData = Enumerable.Range(0, network.StationCount)
            .Where(s => Enumerable.Range(0, network.HourCount).Any(h => !double.IsNaN(network.Values[s, h])))
            .ToList();
        var countByCoordinates = withData
            .GroupBy(s => (network.Stations[s].Latitude, network.Stations[s].Longitude))
            .ToDictionary(group => group.Key, group => group.Count());
        foreach (var s in withData)
        {
            if (countByCoordinates[(network.Stations[s].Latitude, network.Stations[s].Longitude)] > _options.M1MaxStationsPerCoordinate)
            {
                network.FlagStillValid(s, 0, network.HourCount, QualityFlags.CrowdQcM1);
            }
        }
    }

    /// <summary>m2: per hour, robust z = (x − median)/Qn across the network, outside [q(low), q(high)].</summary>
    private void FlagNetworkOutliers(Network network)
    {
        double? normalLow = _options.M2UseStudentT ? null : NormalDistribution.Quantile(_options.M2LowProbability);
        double? normalHigh = _options.M2UseStudentT ? null : NormalDistribution.Quantile(_options.M2HighProbability);
        var adjusted = network.HeightCorrected(_options);
        for (var h = 0; h < network.HourCount; h++)
        {
            var valid = network.ValidStations(h, adjusted);
            if (valid.Count == 0)
            {
                continue;
            }

            var values = valid.Select(s => adjusted[s, h]).ToArray();
            var median = Median.Of(values);
            var qn = QnScale.Estimate(values);
            double low, high;
            if (_options.M2UseStudentT)
            {
                var degreesOfFreedom = valid.Count - 1;
                low = degreesOfFreedom > 0 ? StudentTDistribution.Quantile(_options.M2LowProbability, degreesOfFreedom) : double.NegativeInfinity;
                high = degreesOfFreedom > 0 ? StudentTDistribution.Quantile(_options.M2HighProbability, degreesOfFreedom) : double.PositiveInfinity;
            }
            else
            {
                low = normalLow!.Value;
                high = normalHigh!.Value;
            }

            foreach (var s in valid)
            {
                // With Qn = 0 the score is ±∞ or NaN and the value fails, as (x/Qn) − (median/Qn) does in CrowdQC+.
                var z = (adjusted[s, h] - median) / qn;
                if (double.IsNaN(z) || z < low || z > high)
                {
                    network.Flags[s, h] |= QualityFlags.CrowdQcM2;
                }
            }
        }
    }

    /// <summary>m3: station-months in which more than the allowed fraction of hours are missing or failed m1/m2.</summary>
    private void FlagStationMonthsWithManyFailures(Network network)
    {
        foreach (var (first, end) in network.Months())
        {
            for (var s = 0; s < network.StationCount; s++)
            {
                var failed = network.CountFlagged(s, first, end, MainSteps);
                if ((double)failed / (end - first) > _options.M3MaxFailedFraction)
                {
                    network.FlagStillValid(s, first, end, QualityFlags.CrowdQcM3);
                }
            }
        }
    }

    /// <summary>m4: station-months whose Pearson r with the hourly network median (of values valid at m3) is low.</summary>
    private void FlagStationMonthsUncorrelatedWithMedian(Network network)
    {
        var valid = new double[network.StationCount, network.HourCount];
        for (var s = 0; s < network.StationCount; s++)
        {
            for (var h = 0; h < network.HourCount; h++)
            {
                valid[s, h] = network.IsValid(s, h) ? network.Values[s, h] : double.NaN;
            }
        }

        var median = new double[network.HourCount];
        for (var h = 0; h < network.HourCount; h++)
        {
            median[h] = Median.Of(network.ValidStations(h, valid).Select(s => valid[s, h]).ToArray());
        }

        foreach (var (first, end) in network.Months())
        {
            for (var s = 0; s < network.StationCount; s++)
            {
                if (network.CountFlagged(s, first, end, MainSteps) == end - first)
                {
                    continue;
                }

                var station = new double[end - first];
                for (var h = first; h < end; h++)
                {
                    station[h - first] = valid[s, h];
                }

                var r = PearsonCorrelation.OfCompletePairs(station, median.AsSpan(first, end - first));
                if (double.IsNaN(r) || r < _options.M4MinCorrelation)
                {
                    network.FlagStillValid(s, first, end, QualityFlags.CrowdQcM4);
                }
            }
        }
    }

    /// <summary>
    /// m5: per hour, |x − median|/Qn over the buddies' values valid at m4, against |qt(alpha/2, n − 2)|; fails where the
    /// buddies with a value are fewer than required, and (unless kept) at stations with too few buddies at all.
    /// </summary>
    private bool[] FlagBuddyOutliers(Network network)
    {
        var adjusted = network.HeightCorrected(_options);
        var validAtM4 = new bool[network.StationCount, network.HourCount];
        for (var s = 0; s < network.StationCount; s++)
        {
            for (var h = 0; h < network.HourCount; h++)
            {
                validAtM4[s, h] = network.IsValid(s, h);
            }
        }

        var isolated = new bool[network.StationCount];
        var cutOffs = new Dictionary<int, double>();
        for (var s = 0; s < network.StationCount; s++)
        {
            var buddies = Buddies(network, s);
            if (buddies.Count < _options.M5MinBuddies)
            {
                isolated[s] = true;
                if (!_options.M5KeepIsolated)
                {
                    network.FlagStillValid(s, 0, network.HourCount, QualityFlags.CrowdQcM5);
                }

                continue;
            }

            for (var h = 0; h < network.HourCount; h++)
            {
                if (!validAtM4[s, h])
                {
                    continue;
                }

                var values = buddies.Where(b => validAtM4[b, h]).Select(b => adjusted[b, h]).ToArray();
                if (values.Length < _options.M5MinBuddies)
                {
                    network.Flags[s, h] |= QualityFlags.CrowdQcM5;
                    continue;
                }

                if (!cutOffs.TryGetValue(values.Length, out var cutOff))
                {
                    cutOff = Math.Abs(StudentTDistribution.Quantile(_options.M5Alpha / 2, values.Length - 2));
                    cutOffs[values.Length] = cutOff;
                }

                var z = Math.Abs(adjusted[s, h] - Median.Of(values)) / QnScale.Estimate(values);
                if (!(z < cutOff))
                {
                    network.Flags[s, h] |= QualityFlags.CrowdQcM5;
                }
            }
        }

        return isolated;
    }

    private List<int> Buddies(Network network, int station)
    {
        var self = network.Stations[station];
        var checkElevation = _options.M5CheckElevation && network.HasElevations;
        var buddies = new List<int>();
        for (var other = 0; other < network.StationCount; other++)
        {
            if (other == station)
            {
                continue;
            }

            var candidate = network.Stations[other];
            var distance = GreatCircle.HaversineMetres(self.Latitude, self.Longitude, candidate.Latitude, candidate.Longitude);
            if (distance > _options.M5RadiusMetres)
            {
                continue;
            }

            if (checkElevation && Math.Abs(candidate.Elevation!.Value - self.Elevation!.Value) > _options.M5MaxElevationDifference)
            {
                continue;
            }

            buddies.Add(other);
        }

        return buddies;
    }

    /// <summary>
    /// o1: per station, linear interpolation across runs of at most the allowed number of hours that are missing or
    /// failed m1–m5, between two hours valid at m5 (CrowdQC+'s cqcp_interpol with approx's default of no extrapolation).
    /// </summary>
    private double[,] Interpolate(Network network)
    {
        var interpolated = new double[network.StationCount, network.HourCount];
        for (var s = 0; s < network.StationCount; s++)
        {
            var previousValid = -1;
            for (var h = 0; h < network.HourCount; h++)
            {
                interpolated[s, h] = double.NaN;
                if (!network.IsValid(s, h))
                {
                    continue;
                }

                var gap = h - previousValid - 1;
                if (previousValid >= 0 && gap > 0 && gap <= _options.O1MaxGapHours)
                {
                    var from = network.Values[s, previousValid];
                    var to = network.Values[s, h];
                    for (var g = previousValid + 1; g < h; g++)
                    {
                        interpolated[s, g] = from + ((to - from) * (g - previousValid) / (h - previousValid));
                        network.Flags[s, g] |= QualityFlags.CrowdQcInterpolated;
                    }
                }

                previousValid = h;
            }
        }

        return interpolated;
    }

    /// <summary>o2 per UTC day, then o3 per month: periods with no more than the required fraction of usable hours.</summary>
    private void FlagPeriodsWithLowAvailability(Network network, double[,] interpolated)
    {
        bool UsableAfterO1(int s, int h) => network.IsValid(s, h) || !double.IsNaN(interpolated[s, h]);
        bool UsableAfterO2(int s, int h) => UsableAfterO1(s, h) && (network.Flags[s, h] & QualityFlags.CrowdQcO2) == 0;

        FlagPeriods(network, network.Days(), UsableAfterO1, _options.O2MinDailyFraction, QualityFlags.CrowdQcO2);
        FlagPeriods(network, network.Months(), UsableAfterO2, _options.O3MinMonthlyFraction, QualityFlags.CrowdQcO3);
    }

    private static void FlagPeriods(
        Network network, IEnumerable<(int First, int End)> periods, Func<int, int, bool> usable, double minimumFraction, QualityFlags flag)
    {
        foreach (var (first, end) in periods)
        {
            for (var s = 0; s < network.StationCount; s++)
            {
                var count = 0;
                for (var h = first; h < end; h++)
                {
                    count += usable(s, h) ? 1 : 0;
                }

                if (!((double)count / (end - first) > minimumFraction))
                {
                    for (var h = first; h < end; h++)
                    {
                        if (usable(s, h))
                        {
                            network.Flags[s, h] |= flag;
                        }
                    }
                }
            }
        }
    }

    /// <summary>The stations' values and flags as station × hour grids, with the calendar of the run.</summary>
    private sealed class Network
    {
        private readonly DateTimeOffset _firstHour;

        public Network(DateTimeOffset firstHour, IReadOnlyList<CrowdQcStation> stations, int hours)
        {
            _firstHour = firstHour;
            Stations = stations;
            HourCount = hours;
            Values = new double[stations.Count, hours];
            Flags = new QualityFlags[stations.Count, hours];
            for (var s = 0; s < stations.Count; s++)
            {
                for (var h = 0; h < hours; h++)
                {
                    Values[s, h] = stations[s].HourlyTemperatures[h] ?? double.NaN;
                }
            }

            HasElevations = stations.Count > 0 && stations[0].Elevation.HasValue;
        }

        public IReadOnlyList<CrowdQcStation> Stations { get; }

        public int StationCount => Stations.Count;

        public int HourCount { get; }

        public double[,] Values { get; }

        public QualityFlags[,] Flags { get; }

        public bool HasElevations { get; }

        public DateTimeOffset HourStart(int hour) => _firstHour.AddHours(hour);

        /// <summary>Not missing and not taken out by m1–m5 so far.</summary>
        public bool IsValid(int station, int hour) => (Flags[station, hour] & MainSteps) == 0;

        public List<int> ValidStations(int hour, double[,] values)
        {
            var valid = new List<int>();
            for (var s = 0; s < StationCount; s++)
            {
                if (IsValid(s, hour) && !double.IsNaN(values[s, hour]))
                {
                    valid.Add(s);
                }
            }

            return valid;
        }

        public int CountFlagged(int station, int first, int end, QualityFlags flags)
        {
            var count = 0;
            for (var h = first; h < end; h++)
            {
                count += (Flags[station, h] & flags) != 0 ? 1 : 0;
            }

            return count;
        }

        public void FlagStillValid(int station, int first, int end, QualityFlags flag)
        {
            for (var h = first; h < end; h++)
            {
                if (IsValid(station, h))
                {
                    Flags[station, h] |= flag;
                }
            }
        }

        /// <summary>Values plus lapse rate × (elevation − mean elevation of the stations), when elevations are known.</summary>
        public double[,] HeightCorrected(CrowdQcPlusOptions options)
        {
            var adjusted = (double[,])Values.Clone();
            if (!options.HeightCorrection || !HasElevations)
            {
                return adjusted;
            }

            var meanElevation = Stations.Average(station => station.Elevation!.Value);
            for (var s = 0; s < StationCount; s++)
            {
                var correction = options.LapseRate * (Stations[s].Elevation!.Value - meanElevation);
                for (var h = 0; h < HourCount; h++)
                {
                    adjusted[s, h] += correction;
                }
            }

            return adjusted;
        }

        public IEnumerable<(int First, int End)> Months() =>
            Periods(hour => (hour.Year * 12) + hour.Month);

        public IEnumerable<(int First, int End)> Days() =>
            Periods(hour => (hour.Year * 1000) + hour.DayOfYear);

        private IEnumerable<(int First, int End)> Periods(Func<DateTimeOffset, int> key)
        {
            var first = 0;
            for (var h = 1; h <= HourCount; h++)
            {
                if (h == HourCount || key(HourStart(h)) != key(HourStart(first)))
                {
                    yield return (first, h);
                    first = h;
                }
            }
        }
    }
}
