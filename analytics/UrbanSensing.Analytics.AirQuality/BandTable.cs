using System.Text.Json;

namespace UrbanSensing.Analytics.AirQuality;

/// <summary>
/// One versioned band table of an index, read from a JSON file: where it comes from, the names of its bands and, for
/// each pollutant, the statistic rated and the contiguous ranges of each band.
/// </summary>
public sealed class BandTable
{
    private BandTable(
        string fileName,
        AirQualityScheme scheme,
        string name,
        string version,
        string source,
        DateOnly date,
        BoundaryRule boundaryRule,
        IReadOnlyList<AirQualityBand> bands,
        IReadOnlyList<PollutantBands> pollutants)
    {
        FileName = fileName;
        Scheme = scheme;
        Name = name;
        Version = version;
        Source = source;
        Date = date;
        BoundaryRule = boundaryRule;
        Bands = bands;
        Pollutants = pollutants;
    }

    public string FileName { get; }

    public AirQualityScheme Scheme { get; }

    public string Name { get; }

    /// <summary>Which revision of the index the bands are, e.g. "2024 revision".</summary>
    public string Version { get; }

    /// <summary>The document the bands were taken from.</summary>
    public string Source { get; }

    /// <summary>The date of that document.</summary>
    public DateOnly Date { get; }

    public BoundaryRule BoundaryRule { get; }

    /// <summary>The bands from the cleanest (rank 1) to the worst.</summary>
    public IReadOnlyList<AirQualityBand> Bands { get; }

    public IReadOnlyList<PollutantBands> Pollutants { get; }

    /// <summary>The bands of a pollutant, or null when the table does not rate it.</summary>
    public PollutantBands? For(Pollutant pollutant) => Pollutants.FirstOrDefault(bands => bands.Pollutant == pollutant);

    /// <summary>
    /// Reads and validates a table: every field present, band names as listed in "bands", and for each pollutant
    /// bands that start at 0, continue one another without gap or overlap, increase, and end with an open top band.
    /// </summary>
    /// <param name="fileName">The file the contents come from, named in every error.</param>
    /// <exception cref="BandTableException">The file is malformed or invalid.</exception>
    public static BandTable Parse(string fileName, ReadOnlySpan<byte> utf8Json)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        var reader = new TableReader(fileName);
        var root = reader.ReadRoot(utf8Json);
        var scheme = reader.RequiredEnum<AirQualityScheme>(root, "$", "scheme");
        var name = reader.RequiredString(root, "$", "name");
        var version = reader.RequiredString(root, "$", "version");
        var source = reader.RequiredString(root, "$", "source");
        var date = reader.RequiredDate(root, "$", "date");
        var boundaryRule = reader.RequiredEnum<BoundaryRule>(root, "$", "boundaryRule");
        _ = reader.OptionalString(root, "$", "notes");
        var bands = ReadBandNames(reader, root);

        var pollutantsArray = reader.RequiredArray(root, "$", "pollutants");
        var pollutants = new List<PollutantBands>();
        for (var index = 0; index < pollutantsArray.GetArrayLength(); index++)
        {
            var path = $"pollutants[{index}]";
            var entry = reader.RequiredObject(pollutantsArray, index, path);
            var pollutant = reader.RequiredEnum<Pollutant>(entry, path, "pollutant");
            path = $"{path} ({pollutant})";
            if (pollutants.Any(existing => existing.Pollutant == pollutant))
            {
                throw reader.Error(path, $"{pollutant} is listed twice; each pollutant has one set of bands.");
            }

            var averaging = reader.RequiredEnum<AveragingPeriod>(entry, path, "averaging");
            var ranges = ReadRanges(reader, entry, path, bands);
            pollutants.Add(new PollutantBands(pollutant, averaging, boundaryRule, ranges));
        }

        return new BandTable(fileName, scheme, name, version, source, date, boundaryRule, bands, pollutants);
    }

    private static List<AirQualityBand> ReadBandNames(TableReader reader, JsonElement root)
    {
        var array = reader.RequiredArray(root, "$", "bands");
        var bands = new List<AirQualityBand>();
        for (var index = 0; index < array.GetArrayLength(); index++)
        {
            var element = array[index];
            if (element.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(element.GetString()))
            {
                throw reader.Error($"bands[{index}]", "a band name is a non-empty string.");
            }

            var name = element.GetString()!;
            if (bands.Any(band => band.Name == name))
            {
                throw reader.Error($"bands[{index}] ({name})", "band names must be unique.");
            }

            bands.Add(new AirQualityBand(index + 1, name));
        }

        return bands;
    }

    private static List<BandRange> ReadRanges(TableReader reader, JsonElement entry, string pollutantPath, List<AirQualityBand> bands)
    {
        var array = reader.RequiredArray(entry, pollutantPath, "bands");
        if (array.GetArrayLength() != bands.Count)
        {
            throw reader.Error(pollutantPath, $"has {array.GetArrayLength()} bands; the table lists {bands.Count} ({string.Join(", ", bands.Select(band => band.Name))}).");
        }

        var ranges = new List<BandRange>();
        for (var index = 0; index < bands.Count; index++)
        {
            var path = $"{pollutantPath} bands[{index}]";
            var element = reader.RequiredObject(array, index, path);
            var name = reader.RequiredString(element, path, "band");
            path = $"{path} ({name})";
            var expected = bands[index];
            if (name != expected.Name)
            {
                throw reader.Error(path, $"band {index + 1} is \"{expected.Name}\" in this table; bands are listed from the cleanest up, in the order of \"bands\".");
            }

            var from = reader.RequiredNumber(element, path, "from");
            var to = reader.OptionalNumber(element, path, "to");
            var isLast = index == bands.Count - 1;
            if (index == 0 && from != 0)
            {
                throw reader.Error(path, $"the first band starts at {from}; it must start at 0 so that every concentration has a band.");
            }

            if (index > 0 && from != ranges[^1].To)
            {
                throw reader.Error(path, $"starts at {from} but {ranges[^1].Band.Name} ends at {ranges[^1].To}; bands must be contiguous, each starting where the previous one ends.");
            }

            if (to is { } upper && upper <= from)
            {
                throw reader.Error(path, $"ends at {upper}, not above its start {from}; bounds must increase.");
            }

            if (to is null && !isLast)
            {
                throw reader.Error(path, "has no upper bound; only the top band is open.");
            }

            if (to is not null && isLast)
            {
                throw reader.Error(path, $"ends at {to}; the top band must be open (\"to\": null) so that every concentration has a band.");
            }

            ranges.Add(new BandRange(expected, from, to));
        }

        return ranges;
    }
}
