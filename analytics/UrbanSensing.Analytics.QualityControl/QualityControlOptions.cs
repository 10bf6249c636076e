using System.ComponentModel.DataAnnotations;
using UrbanSensing.Analytics.Quality.CrowdQc;
using UrbanSensing.Protocol;

namespace UrbanSensing.Analytics.QualityControl;

/// <summary>
/// What <see cref="QualityControlPass"/> checks (section <c>QualityControl</c>): the single-series checks per quantity
/// and CrowdQC+ over the network's air temperature. README.md gives every default with its source or reasoning.
/// </summary>
/// <remarks>
/// Validation names every wrong setting by its configuration key, such as
/// <c>QualityControl:Series:air-temperature:MaximumStep</c>, whether it runs at start (<c>ValidateDataAnnotations</c>)
/// or in the pass's constructor.
/// </remarks>
public sealed class QualityControlOptions : IValidatableObject
{
    public const string SectionName = "QualityControl";

    /// <summary>
    /// The single-series checks per quantity, keyed by the quantity's catalogue name (<c>air-temperature</c>,
    /// <c>relative-humidity</c>, ...). Quantities not listed are not checked. Configuration changes or adds entries;
    /// an entry whose limits are all empty checks nothing.
    /// </summary>
    public Dictionary<string, SeriesCheckOptions> Series { get; } = new(StringComparer.Ordinal)
    {
        // WMO's limits for consecutive one-minute values (Zahumenský 2004): 3 °C; persistence is identical values at
        // the SHT3x's 0.01 °C resolution for longer than WMO's 60 minutes (README.md).
        [Quantities.AirTemperature.Name] = new()
        {
            MaximumStep = 3,
            PersistenceTolerance = 0.005,
            MaximumPersistence = TimeSpan.FromHours(1),
        },

        // WMO's 10 %RH between one-minute values; no persistence check, since saturation holds 100 %RH through fog.
        [Quantities.RelativeHumidity.Name] = new() { MaximumStep = 10 },
    };

    /// <summary>
    /// The parameters of CrowdQC+. The defaults are the R package's, except that isolated stations are kept
    /// (<see cref="CrowdQcPlusOptions.M5KeepIsolated"/>): the network's rural references stand alone by design.
    /// </summary>
    public CrowdQcPlusOptions CrowdQcPlus { get; set; } = new() { M5KeepIsolated = true };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, settings) in Series)
        {
            var key = $"{SectionName}:{nameof(Series)}:{name}";
            if (!Quantities.TryGet(name, out _))
            {
                yield return Error(key, $"{key} names no quantity; the quantities are {Quantities.KnownNames}.");
            }
            else if (settings is null)
            {
                yield return Error(key, $"{key} has no settings.");
            }
            else
            {
                foreach (var result in AnnotationErrors(settings))
                {
                    var member = $"{key}:{result.MemberNames.First()}";
                    yield return Error(member, $"{member} {result.ErrorMessage}");
                }
            }
        }

        foreach (var result in CrowdQcPlusErrors())
        {
            yield return result;
        }
    }

    private IEnumerable<ValidationResult> CrowdQcPlusErrors()
    {
        var key = $"{SectionName}:{nameof(CrowdQcPlus)}";
        if (CrowdQcPlus is null)
        {
            return [Error(key, $"{key} has no settings.")];
        }

        var errors = AnnotationErrors(CrowdQcPlus);
        if (errors.Count > 0)
        {
            return errors.Select(result =>
            {
                var member = $"{key}:{result.MemberNames.First()}";
                return Error(member, $"{member}: {result.ErrorMessage}");
            });
        }

        // The rule between the two m2 probabilities lives in CrowdQcPlusOptions.Validate, which reports it by throwing.
        try
        {
            CrowdQcPlus.Validate();
            return [];
        }
        catch (ArgumentException exception)
        {
            var member = $"{key}:{exception.ParamName}";
            return [Error(member, $"{member}: {exception.Message}")];
        }
    }

    private static List<ValidationResult> AnnotationErrors(object settings)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(settings, new ValidationContext(settings), results, validateAllProperties: true);
        return results;
    }

    private static ValidationResult Error(string key, string message) => new(message, [key]);
}
