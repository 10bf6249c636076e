using System.CommandLine;
using System.Globalization;
using UrbanSensing.Analytics.AirQuality;
using UrbanSensing.Analytics.Rain;

namespace UrbanSensing.Cli.Compute;

/// <summary>
/// <c>urbansensing compute …</c>: one value of an indicator for technicians and researchers, from inputs in SI units,
/// printed as one JSON object (<see cref="ComputedValue"/>). A refused input exits with 1 and names the option.
/// </summary>
internal static class ComputeCommand
{
    public static Command Create() => new("compute", "Compute one value of an indicator and print it as JSON {\"value\", \"unit\", \"category\"}; inputs in SI units")
    {
        ComfortCommands.HeatIndex(),
        ComfortCommands.Humidex(),
        ComfortCommands.DewPoint(),
        ComfortCommands.WetBulb(),
        ComfortCommands.Utci(),
        Runoff(),
        Aqi(),
        RetentionVolume(),
    };

    /// <summary>A required number option.</summary>
    public static Option<double> Number(string name, string description) => new(name) { Description = description, Required = true };

    /// <summary>
    /// Runs a computation with the options it read; a value the formula refuses is reported against the option that
    /// carried it (the map from the formula's parameter names to option names), and the command exits with 1.
    /// </summary>
    public static void SetComputation(Command command, Func<ParseResult, ComputedValue> compute, IReadOnlyDictionary<string, string> optionsByParameter)
    {
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            try
            {
                output.WriteLine(compute(parseResult).ToJson());
                return 0;
            }
            catch (ArgumentException error)
            {
                var option = error.ParamName is { } parameter && optionsByParameter.TryGetValue(parameter, out var name) ? name : error.ParamName;
                var message = error.Message.Split(Environment.NewLine)[0].Replace($" (Parameter '{error.ParamName}')", string.Empty, StringComparison.Ordinal);
                if (error is ArgumentOutOfRangeException { ActualValue: IFormattable value })
                {
                    message += $" (given: {value.ToString(null, CultureInfo.InvariantCulture)})";
                }

                parseResult.InvocationConfiguration.Error.WriteLine(option is null ? $"error: {message}" : $"error: {option}: {message}");
                return 1;
            }
        });
    }

    private static Command Runoff()
    {
        var rainfall = Number("--rainfall", "Rainfall depth of the event, mm");
        var curveNumber = Number("--curve-number", "SCS curve number of the catchment (0, 100], for average antecedent moisture (AMC II)");
        var ratio = new Option<double>("--initial-abstraction-ratio")
        {
            Description = "λ in Ia = λ·S: 0.2 (TR-55, the CN tables' assumption) or 0.05 (Hawkins et al. 2002, with S converted from the 0.2 CN)",
            DefaultValueFactory = _ => 0.2,
        };
        ratio.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is not (0.2 or 0.05))
            {
                result.AddError($"--initial-abstraction-ratio must be 0.2 or 0.05, not {result.GetValueOrDefault<double>().ToString(CultureInfo.InvariantCulture)}");
            }
        });
        var command = new Command("runoff", "Runoff depth by the SCS curve-number method (USDA TR-55), mm") { rainfall, curveNumber, ratio };
        SetComputation(
            command,
            parseResult => new ComputedValue(
                ScsCurveNumber.RunoffMm(
                    parseResult.GetValue(rainfall),
                    parseResult.GetValue(curveNumber),
                    parseResult.GetValue(ratio) == 0.05 ? InitialAbstraction.Lambda005ConvertedHawkins2002 : InitialAbstraction.Lambda020),
                "mm",
                null),
            new Dictionary<string, string> { ["rainfallMm"] = "--rainfall", ["curveNumber"] = "--curve-number" });
        return command;
    }

    private static Command Aqi()
    {
        var scheme = new Option<string>("--scheme") { Description = "eaqi (European Air Quality Index, 2024) or atmo (France, arrêté of 10 July 2020)", Required = true };
        scheme.AcceptOnlyFromAmong("eaqi", "atmo");
        var pm25 = new Option<double?>("--pm25") { Description = "PM2.5, µg/m³, over the scheme's averaging period" };
        var pm10 = new Option<double?>("--pm10") { Description = "PM10, µg/m³" };
        var no2 = new Option<double?>("--no2") { Description = "NO2, µg/m³" };
        var o3 = new Option<double?>("--o3") { Description = "O3, µg/m³" };
        var so2 = new Option<double?>("--so2") { Description = "SO2, µg/m³" };
        var command = new Command("aqi", "Air-quality index band, the worst of the pollutants given; value is the band's rank (1 best)") { scheme, pm25, pm10, no2, o3, so2 };
        command.Validators.Add(result =>
        {
            if (new[] { pm25, pm10, no2, o3, so2 }.All(option => result.GetValue(option) is null))
            {
                result.AddError("give at least one of --pm25, --pm10, --no2, --o3, --so2");
            }
        });
        SetComputation(
            command,
            parseResult =>
            {
                var concentrations = new PollutantConcentrations
                {
                    Pm25 = parseResult.GetValue(pm25),
                    Pm10 = parseResult.GetValue(pm10),
                    No2 = parseResult.GetValue(no2),
                    O3 = parseResult.GetValue(o3),
                    So2 = parseResult.GetValue(so2),
                };
                var result = AirQualityIndex.Compute(
                    parseResult.GetValue(scheme) == "atmo" ? AirQualityScheme.Atmo : AirQualityScheme.EuropeanAirQualityIndex,
                    concentrations);
                return new ComputedValue(
                    result.Band.Rank,
                    "1",
                    result.Band.Name,
                    new Dictionary<string, object?>
                    {
                        ["pollutants"] = result.ResponsiblePollutants.Select(PollutantName).ToArray(),
                        ["subIndices"] = result.SubIndices.ToDictionary(index => PollutantName(index.Pollutant), index => index.Band.Name),
                        ["table"] = result.TableVersion,
                    });
            },
            new Dictionary<string, string> { ["Pm25"] = "--pm25", ["Pm10"] = "--pm10", ["No2"] = "--no2", ["O3"] = "--o3", ["So2"] = "--so2" });
        return command;
    }

    private static Command RetentionVolume()
    {
        var area = Number("--area", "Drained area, ha");
        var coefficient = Number("--runoff-coefficient", "Runoff coefficient (coefficient d'apport) in (0, 1]");
        var outflow = Number("--outflow", "Constant outflow (débit de fuite), l/s");
        var a = Number("--montana-a", "Montana a, with h = a·t^(1−b), h in mm and t in minutes (Météo-France's convention)");
        var b = Number("--montana-b", "Montana b, in (0, 1)");
        var command = new Command("retention-volume", "Storage a basin needs by the méthode des pluies (Instruction technique 1977), m³, for durations of 1 minute to 7 days")
        {
            area, coefficient, outflow, a, b,
        };
        SetComputation(
            command,
            parseResult =>
            {
                const double ReturnPeriodYears = 10;
                var station = new IdfStation(
                    "the given Montana coefficients",
                    [new MontanaFit(ReturnPeriodYears, 1, 7 * 24 * 60, new MontanaCoefficients(parseResult.GetValue(a), parseResult.GetValue(b)))]);
                var requirement = MethodeDesPluies.RequiredStorage(
                    station, ReturnPeriodYears, parseResult.GetValue(coefficient), parseResult.GetValue(area), parseResult.GetValue(outflow));
                return new ComputedValue(
                    requirement.VolumeM3,
                    "m3",
                    null,
                    new Dictionary<string, object?>
                    {
                        ["criticalDurationMinutes"] = Math.Round(requirement.CriticalDurationMinutes, 1),
                        ["storageDepthMm"] = Math.Round(requirement.StorageDepthMm, 2),
                        ["criticalDurationAtLongestDuration"] = requirement.CriticalDurationAtLongestFit,
                    });
            },
            new Dictionary<string, string>
            {
                ["areaHectares"] = "--area",
                ["runoffCoefficient"] = "--runoff-coefficient",
                ["outflowLitresPerSecond"] = "--outflow",
                ["a"] = "--montana-a",
                ["b"] = "--montana-b",
            });
        return command;
    }

    private static string PollutantName(Pollutant pollutant) => pollutant switch
    {
        Pollutant.Pm25 => "pm2.5",
        Pollutant.Pm10 => "pm10",
        Pollutant.No2 => "no2",
        Pollutant.O3 => "o3",
        Pollutant.So2 => "so2",
        _ => pollutant.ToString().ToLowerInvariant(),
    };
}
