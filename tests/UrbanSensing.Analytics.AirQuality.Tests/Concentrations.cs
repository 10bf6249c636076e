namespace UrbanSensing.Analytics.AirQuality.Tests;

internal static class Concentrations
{
    public static PollutantConcentrations Only(Pollutant pollutant, double concentration) => pollutant switch
    {
        Pollutant.Pm25 => new PollutantConcentrations { Pm25 = concentration },
        Pollutant.Pm10 => new PollutantConcentrations { Pm10 = concentration },
        Pollutant.No2 => new PollutantConcentrations { No2 = concentration },
        Pollutant.O3 => new PollutantConcentrations { O3 = concentration },
        Pollutant.So2 => new PollutantConcentrations { So2 = concentration },
        _ => throw new ArgumentOutOfRangeException(nameof(pollutant), pollutant, null),
    };

    /// <summary>For each bound, a value 0.1 below and one on it (the lower band holds its bound), and one 0.1 above (the next band).</summary>
    public static TheoryData<Pollutant, double, string> AroundEveryBound(IEnumerable<(Pollutant Pollutant, double[] UpperBounds)> table, string[] bands)
    {
        var data = new TheoryData<Pollutant, double, string>();
        foreach (var (pollutant, upperBounds) in table)
        {
            for (var index = 0; index < upperBounds.Length; index++)
            {
                data.Add(pollutant, upperBounds[index] - 0.1, bands[index]);
                data.Add(pollutant, upperBounds[index], bands[index]);
                data.Add(pollutant, upperBounds[index] + 0.1, bands[index + 1]);
            }
        }

        return data;
    }
}
