using System.Text.Json;
using System.Text.Json.Serialization;

namespace UrbanSensing.Analytics.Rain;

/// <summary>
/// The intensity-duration-frequency relation of one rain station as a set of Montana fits, one per return period
/// and duration range.
/// </summary>
public sealed class IdfStation
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    public IdfStation(string name, IEnumerable<MontanaFit> fits, bool isExample = false, string? source = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(fits);
        Fits = [.. fits.OrderBy(f => f.ReturnPeriodYears).ThenBy(f => f.MinDurationMinutes)];
        if (Fits.Count == 0)
        {
            throw new ArgumentException("A station has at least one Montana fit.", nameof(fits));
        }

        foreach (var group in Fits.GroupBy(f => f.ReturnPeriodYears))
        {
            var ranges = group.ToList();
            for (var i = 1; i < ranges.Count; i++)
            {
                if (ranges[i].MinDurationMinutes < ranges[i - 1].MaxDurationMinutes)
                {
                    throw new ArgumentException(
                        $"The fits for T = {group.Key} years overlap: {ranges[i - 1].MinDurationMinutes}–{ranges[i - 1].MaxDurationMinutes} min and {ranges[i].MinDurationMinutes}–{ranges[i].MaxDurationMinutes} min; ranges may only touch.",
                        nameof(fits));
                }
            }
        }

        Name = name;
        IsExample = isExample;
        Source = source;
    }

    public string Name { get; }

    /// <summary>True when the coefficients are illustrative, not the station's own (which Météo-France sells).</summary>
    public bool IsExample { get; }

    public string? Source { get; }

    /// <summary>Ordered by return period, then by duration range.</summary>
    public IReadOnlyList<MontanaFit> Fits { get; }

    /// <summary>Reads a station from the JSON shape of <c>Idf/lille-lesquin-montana-example.json</c>.</summary>
    public static IdfStation FromJson(string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        var document = JsonSerializer.Deserialize<StationDocument>(json, JsonOptions)
            ?? throw new ArgumentException("The JSON holds no station.", nameof(json));
        if (document.Fits is null || document.Station is null)
        {
            throw new ArgumentException("A station document has \"station\" and \"fits\".", nameof(json));
        }

        return new IdfStation(
            document.Station,
            document.Fits.Select(f => new MontanaFit(f.ReturnPeriodYears, f.MinDurationMinutes, f.MaxDurationMinutes, new MontanaCoefficients(f.A, f.B))),
            document.IsExample,
            document.Source);
    }

    /// <summary>
    /// EXAMPLE coefficients standing in for Lille-Lesquin, shipped with the library: they are not the station's
    /// (Météo-France sells those), see the file's notice. Replace them with <see cref="FromJson"/> on the real ones.
    /// </summary>
    public static IdfStation LilleLesquinExample()
    {
        const string Resource = "UrbanSensing.Analytics.Rain.Idf.lille-lesquin-montana-example.json";
        using var stream = typeof(IdfStation).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The resource {Resource} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return FromJson(reader.ReadToEnd());
    }

    /// <summary>The fit of return period <paramref name="returnPeriodYears"/> that covers the duration; throws if none does.</summary>
    public MontanaFit FitFor(double returnPeriodYears, double durationMinutes) =>
        FindFit(returnPeriodYears, durationMinutes)
        ?? throw new ArgumentOutOfRangeException(
            nameof(durationMinutes),
            durationMinutes,
            $"No fit for T = {returnPeriodYears} years covers {durationMinutes} min; fitted: {Describe(Fits.Where(f => f.ReturnPeriodYears == returnPeriodYears))}.");

    public double DepthMm(double returnPeriodYears, double durationMinutes) =>
        FitFor(returnPeriodYears, durationMinutes).Coefficients.DepthMm(durationMinutes);

    public double IntensityMmPerHour(double returnPeriodYears, double durationMinutes) =>
        FitFor(returnPeriodYears, durationMinutes).Coefficients.IntensityMmPerHour(durationMinutes);

    /// <summary>
    /// The return period of a mean intensity observed over <paramref name="durationMinutes"/>: the fitted
    /// intensities at that duration are taken for each return period whose fits cover it, and T is interpolated
    /// linearly in ln T between the two that bracket the observation. Never extrapolated: below the smallest or
    /// above the largest fitted return period the answer says so, and a duration no fit covers has no answer.
    /// </summary>
    public ReturnPeriodEstimate ReturnPeriodOf(double intensityMmPerHour, double durationMinutes)
    {
        if (!double.IsFinite(intensityMmPerHour) || intensityMmPerHour < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(intensityMmPerHour), intensityMmPerHour, "An intensity is a finite number of mm/h, zero or more.");
        }

        if (!double.IsFinite(durationMinutes) || durationMinutes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(durationMinutes), durationMinutes, "A duration is a finite number of minutes above zero.");
        }

        var curve = Fits
            .Select(f => f.ReturnPeriodYears)
            .Distinct()
            .Select(t => (Years: t, Fit: FindFit(t, durationMinutes)))
            .Where(p => p.Fit is not null)
            .Select(p => (p.Years, Intensity: p.Fit!.Coefficients.IntensityMmPerHour(durationMinutes)))
            .ToList();
        if (curve.Count == 0)
        {
            return new ReturnPeriodEstimate(ReturnPeriodStatus.DurationNotFitted, null, null);
        }

        for (var i = 1; i < curve.Count; i++)
        {
            if (curve[i].Intensity <= curve[i - 1].Intensity)
            {
                throw new InvalidOperationException(
                    $"At {durationMinutes} min the fitted intensity for T = {curve[i].Years} years ({curve[i].Intensity:0.##} mm/h) is not above the one for T = {curve[i - 1].Years} years ({curve[i - 1].Intensity:0.##} mm/h); check the coefficients of {Name}.");
            }
        }

        if (intensityMmPerHour < curve[0].Intensity)
        {
            return new ReturnPeriodEstimate(ReturnPeriodStatus.BelowMinimum, null, curve[0].Years);
        }

        if (intensityMmPerHour > curve[^1].Intensity)
        {
            return new ReturnPeriodEstimate(ReturnPeriodStatus.AboveMaximum, null, curve[^1].Years);
        }

        if (curve.Count == 1)
        {
            return new ReturnPeriodEstimate(ReturnPeriodStatus.Interpolated, curve[0].Years, null);
        }

        var upper = curve.FindIndex(p => p.Intensity >= intensityMmPerHour);
        var (t2, i2) = curve[Math.Max(upper, 1)];
        var (t1, i1) = curve[Math.Max(upper, 1) - 1];
        var fraction = (intensityMmPerHour - i1) / (i2 - i1);
        var years = Math.Exp(Math.Log(t1) + (fraction * (Math.Log(t2) - Math.Log(t1))));
        return new ReturnPeriodEstimate(ReturnPeriodStatus.Interpolated, years, null);
    }

    /// <summary>Where two ranges touch (30 min in 6–30 and 30–360), the shorter-duration fit is taken.</summary>
    private MontanaFit? FindFit(double returnPeriodYears, double durationMinutes) =>
        Fits.FirstOrDefault(f => f.ReturnPeriodYears == returnPeriodYears && f.Covers(durationMinutes));

    private static string Describe(IEnumerable<MontanaFit> fits)
    {
        var ranges = fits.Select(f => $"{f.MinDurationMinutes}–{f.MaxDurationMinutes} min").ToList();
        return ranges.Count == 0 ? "none for that return period" : string.Join(", ", ranges);
    }

    private sealed record StationDocument(
        string? Station,
        bool IsExample,
        string? Source,
        IReadOnlyList<FitDocument>? Fits);

    private sealed record FitDocument(
        double ReturnPeriodYears,
        double MinDurationMinutes,
        double MaxDurationMinutes,
        [property: JsonPropertyName("a")] double A,
        [property: JsonPropertyName("b")] double B);
}
