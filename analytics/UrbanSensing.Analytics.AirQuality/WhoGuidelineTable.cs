namespace UrbanSensing.Analytics.AirQuality;

/// <summary>The WHO air quality guideline levels, read from a versioned JSON file.</summary>
public sealed class WhoGuidelineTable
{
    private WhoGuidelineTable(string fileName, string name, string version, string source, DateOnly date, IReadOnlyList<WhoGuideline> guidelines)
    {
        FileName = fileName;
        Name = name;
        Version = version;
        Source = source;
        Date = date;
        Guidelines = guidelines;
    }

    public string FileName { get; }

    public string Name { get; }

    public string Version { get; }

    public string Source { get; }

    public DateOnly Date { get; }

    public IReadOnlyList<WhoGuideline> Guidelines { get; }

    /// <summary>The guideline of a pollutant over an averaging period, or null when the WHO sets none.</summary>
    public WhoGuideline? For(Pollutant pollutant, AveragingPeriod averaging) =>
        Guidelines.FirstOrDefault(guideline => guideline.Pollutant == pollutant && guideline.Averaging == averaging);

    /// <exception cref="BandTableException">The file is malformed or invalid.</exception>
    public static WhoGuidelineTable Parse(string fileName, ReadOnlySpan<byte> utf8Json)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        var reader = new TableReader(fileName);
        var root = reader.ReadRoot(utf8Json);
        var name = reader.RequiredString(root, "$", "name");
        var version = reader.RequiredString(root, "$", "version");
        var source = reader.RequiredString(root, "$", "source");
        var date = reader.RequiredDate(root, "$", "date");
        _ = reader.OptionalString(root, "$", "notes");

        var array = reader.RequiredArray(root, "$", "guidelines");
        var guidelines = new List<WhoGuideline>();
        for (var index = 0; index < array.GetArrayLength(); index++)
        {
            var path = $"guidelines[{index}]";
            var entry = reader.RequiredObject(array, index, path);
            var pollutant = reader.RequiredEnum<Pollutant>(entry, path, "pollutant");
            var averaging = reader.RequiredEnum<AveragingPeriod>(entry, path, "averaging");
            path = $"{path} ({pollutant}, {averaging})";
            var level = reader.RequiredNumber(entry, path, "level");
            var percentile = reader.OptionalNumber(entry, path, "percentile");
            if (level <= 0)
            {
                throw reader.Error(path, $"\"level\" is {level}; a guideline level is above 0 µg/m³.");
            }

            if (percentile is { } p && (p <= 0 || p >= 100))
            {
                throw reader.Error(path, $"\"percentile\" is {p}; a percentile lies between 0 and 100, exclusive.");
            }

            if (guidelines.Any(existing => existing.Pollutant == pollutant && existing.Averaging == averaging))
            {
                throw reader.Error(path, "listed twice; each pollutant has one guideline per averaging period.");
            }

            guidelines.Add(new WhoGuideline(pollutant, averaging, level, percentile));
        }

        return new WhoGuidelineTable(fileName, name, version, source, date, guidelines);
    }
}
