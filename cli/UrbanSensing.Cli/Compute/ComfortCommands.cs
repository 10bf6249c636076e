using UrbanSensing.Analytics.Reports;
using System.CommandLine;
using UrbanSensing.Analytics.Comfort;

namespace UrbanSensing.Cli.Compute;

/// <summary>The thermal-comfort indices of <c>urbansensing compute</c>, in °C, with the category bands their sources publish.</summary>
internal static class ComfortCommands
{
    private static readonly Dictionary<string, string> OptionsByParameter = new()
    {
        ["airTemperature"] = "--temperature",
        ["relativeHumidity"] = "--humidity",
        ["dewPoint"] = "--dew-point",
        ["windSpeed"] = "--wind-speed",
        ["meanRadiantTemperature"] = "--mean-radiant-temperature",
    };

    public static Command HeatIndex()
    {
        var (temperature, humidity) = (Temperature(), Humidity());
        var command = new Command("heat-index", "NWS heat index (Steadman, then Rothfusz with both adjustments), °C, with the NWS category") { temperature, humidity };
        ComputeCommand.SetComputation(
            command,
            parseResult =>
            {
                var result = Analytics.Comfort.HeatIndex.Calculate(parseResult.GetValue(temperature), parseResult.GetValue(humidity));
                return new ComputedValue(result.Value, "Cel", Name(result.Category), new Dictionary<string, object?> { ["formula"] = result.Formula.ToString() });
            },
            OptionsByParameter);
        return command;
    }

    public static Command Humidex()
    {
        var temperature = Temperature();
        var humidity = new Option<double?>("--humidity") { Description = "Relative humidity, %" };
        var dewPoint = new Option<double?>("--dew-point") { Description = "Dew point, °C (instead of --humidity)" };
        var command = new Command("humidex", "Humidex (Environment Canada), °C, with Environment Canada's comfort category") { temperature, humidity, dewPoint };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(humidity) is null) == (result.GetValue(dewPoint) is null))
            {
                result.AddError("give either --humidity or --dew-point");
            }
        });
        ComputeCommand.SetComputation(
            command,
            parseResult =>
            {
                var result = parseResult.GetValue(dewPoint) is { } dew
                    ? Analytics.Comfort.Humidex.FromDewPoint(parseResult.GetValue(temperature), dew)
                    : Analytics.Comfort.Humidex.FromRelativeHumidity(parseResult.GetValue(temperature), parseResult.GetValue(humidity)!.Value);
                return new ComputedValue(result.Value, "Cel", Name(result.Category));
            },
            OptionsByParameter);
        return command;
    }

    public static Command DewPoint()
    {
        var (temperature, humidity) = (Temperature(), Humidity());
        var command = new Command("dew-point", "Dew point over liquid water (Bolton 1980), °C") { temperature, humidity };
        ComputeCommand.SetComputation(
            command,
            parseResult => new ComputedValue(Psychrometrics.DewPoint(parseResult.GetValue(temperature), parseResult.GetValue(humidity)).Value, "Cel", null),
            OptionsByParameter);
        return command;
    }

    public static Command WetBulb()
    {
        var (temperature, humidity) = (Temperature(), Humidity());
        var command = new Command("wet-bulb", "Wet-bulb temperature (Stull 2011; 5–99 % and −20–50 °C), °C") { temperature, humidity };
        ComputeCommand.SetComputation(
            command,
            parseResult => new ComputedValue(WetBulbTemperature.Calculate(parseResult.GetValue(temperature), parseResult.GetValue(humidity)).Value, "Cel", null),
            OptionsByParameter);
        return command;
    }

    public static Command Utci()
    {
        var (temperature, humidity) = (Temperature(), Humidity());
        var wind = ComputeCommand.Number("--wind-speed", "Wind speed at 10 m, m/s (0.5–17)");
        var radiant = new Option<double?>("--mean-radiant-temperature") { Description = "Mean radiant temperature, °C; the air temperature when left out (flagged in the answer)" };
        var command = new Command("utci", "Universal Thermal Climate Index (Bröde et al. 2012 polynomial), °C, with its stress category") { temperature, humidity, wind, radiant };
        ComputeCommand.SetComputation(
            command,
            parseResult =>
            {
                var result = Analytics.Comfort.Utci.Calculate(
                    parseResult.GetValue(temperature), parseResult.GetValue(humidity), parseResult.GetValue(wind), parseResult.GetValue(radiant));
                return new ComputedValue(
                    result.Value,
                    "Cel",
                    Name(result.Category),
                    new Dictionary<string, object?> { ["meanRadiantTemperatureAssumed"] = result.MeanRadiantTemperatureAssumed });
            },
            OptionsByParameter);
        return command;
    }

    private static Option<double> Temperature() => ComputeCommand.Number("--temperature", "Air temperature, °C");

    private static Option<double> Humidity() => ComputeCommand.Number("--humidity", "Relative humidity, %");

    /// <summary>The category in the words of the sources' charts, or null where the value is below every band.</summary>
    private static string? Name<TCategory>(TCategory category)
        where TCategory : struct, Enum => category.ToString() == "None" ? null : CategoryName.Of(category);
}
