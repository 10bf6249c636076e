namespace UrbanSensing.Analytics.AirQuality;

/// <summary>Rates concentrations on an index; the overall band is the worst sub-index, as both the EEA and the arrêté define it.</summary>
public static class AirQualityIndex
{
    /// <exception cref="ArgumentOutOfRangeException">The scheme is not one of <see cref="AirQualityScheme"/>.</exception>
    /// <exception cref="ArgumentException">No concentration is given.</exception>
    /// <exception cref="BandTableException">The embedded table of the scheme is invalid.</exception>
    public static AirQualityResult Compute(AirQualityScheme scheme, PollutantConcentrations concentrations)
    {
        ArgumentNullException.ThrowIfNull(concentrations);
        var table = Table(scheme);
        var subIndices = new List<SubIndex>();
        foreach (var pollutant in Enum.GetValues<Pollutant>())
        {
            if (concentrations[pollutant] is not { } concentration)
            {
                continue;
            }

            var bands = table.For(pollutant) ?? throw new ArgumentException(
                $"{table.Name} ({table.Version}) does not rate {pollutant}; it rates {string.Join(", ", table.Pollutants.Select(bands => bands.Pollutant))}.",
                nameof(concentrations));
            subIndices.Add(new SubIndex(pollutant, concentration, bands.Averaging, bands.Classify(concentration)));
        }

        if (subIndices.Count == 0)
        {
            throw new ArgumentException(
                $"No concentration is given; set one or more of {string.Join(", ", Enum.GetNames<Pollutant>())}.",
                nameof(concentrations));
        }

        var worst = subIndices.MaxBy(subIndex => subIndex.Band.Rank)!.Band;
        var responsible = subIndices.Where(subIndex => subIndex.Band.Rank == worst.Rank).Select(subIndex => subIndex.Pollutant).ToList();
        return new AirQualityResult(scheme, table.Version, worst, responsible, subIndices);
    }

    /// <summary>The embedded band table of a scheme, read and validated once.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The scheme is not one of <see cref="AirQualityScheme"/>.</exception>
    /// <exception cref="BandTableException">The embedded table is invalid.</exception>
    public static BandTable Table(AirQualityScheme scheme) => EmbeddedTables.For(scheme);
}
