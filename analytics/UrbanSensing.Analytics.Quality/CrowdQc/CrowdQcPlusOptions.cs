using System.ComponentModel.DataAnnotations;

namespace UrbanSensing.Analytics.Quality.CrowdQc;

/// <summary>
/// The parameters of CrowdQC+, with the defaults of the R package's cqcp_qcCWS (dafenner/CrowdQCplus, the version
/// whose m5 takes alpha). Names follow the R arguments; README.md tables them with their sources.
/// </summary>
public sealed class CrowdQcPlusOptions
{
    public const string SectionName = "Analytics:Quality:CrowdQcPlus";

    /// <summary>m1 cutOff: how many stations may share exact coordinates; more are all flagged.</summary>
    [Range(1, int.MaxValue)]
    public int M1MaxStationsPerCoordinate { get; init; } = 1;

    /// <summary>
    /// m2 low: the lower cut-off is the low-probability quantile of the normal (or t) distribution; 0.01 gives −2.33.
    /// cqcp_m2 has defaulted to 0.01 throughout; earlier versions of cqcp_qcCWS passed 0.1 (−1.28), the current one
    /// passes 0.01.
    /// </summary>
    [Range(double.Epsilon, 1 - 1e-16)]
    public double M2LowProbability { get; init; } = 0.01;

    /// <summary>m2 high: 0.95 gives an upper cut-off of 1.64.</summary>
    [Range(double.Epsilon, 1 - 1e-16)]
    public double M2HighProbability { get; init; } = 0.95;

    /// <summary>m2 t_distribution: take the cut-offs from Student's t with n − 1 degrees of freedom (advised below 200 stations).</summary>
    public bool M2UseStudentT { get; init; }

    /// <summary>heightCorrection of m2 and m5: when every station has an elevation, add lapse rate × (z − mean z).</summary>
    public bool HeightCorrection { get; init; } = true;

    /// <summary>lapse_rate of m2 and m5, in K per metre.</summary>
    [Range(0.0, 0.1)]
    public double LapseRate { get; init; } = 0.0065;

    /// <summary>m3 cutOff: a station-month with more than this fraction of hours missing or failing m1/m2 is flagged.</summary>
    [Range(0.0, 1.0)]
    public double M3MaxFailedFraction { get; init; } = 0.2;

    /// <summary>m4 cutOff: a station-month whose Pearson r with the network median is below this is flagged.</summary>
    [Range(-1.0, 1.0)]
    public double M4MinCorrelation { get; init; } = 0.9;

    /// <summary>m5 radius, in metres: buddies are the other stations this close or closer.</summary>
    [Range(double.Epsilon, 20_037_509.0)]
    public double M5RadiusMetres { get; init; } = 3000;

    /// <summary>m5 n_buddies: buddies needed within the radius, and buddies with a value needed in the hour.</summary>
    [Range(3, int.MaxValue)]
    public int M5MinBuddies { get; init; } = 5;

    /// <summary>m5 alpha: two-sided significance level; the cut-off is |qt(alpha/2, n − 2)| over the n buddies with a value.</summary>
    [Range(double.Epsilon, 1 - 1e-16)]
    public double M5Alpha { get; init; } = 0.1;

    /// <summary>m5 check_elevation: when elevations are known, leave out buddies too much higher or lower.</summary>
    public bool M5CheckElevation { get; init; } = true;

    /// <summary>m5 max_elev_diff, in metres.</summary>
    [Range(0.0, 10_000.0)]
    public double M5MaxElevationDifference { get; init; } = 100;

    /// <summary>m5 keep_isolated: stations with too few buddies pass m5 instead of failing it.</summary>
    public bool M5KeepIsolated { get; init; }

    /// <summary>o1 maxLength of cqcp_interpol: the longest run of unusable hours filled by linear interpolation.</summary>
    [Range(1, int.MaxValue)]
    public int O1MaxGapHours { get; init; } = 1;

    /// <summary>o2 cutOff: a station-day needs more than this fraction of usable hours.</summary>
    [Range(0.0, 1.0)]
    public double O2MinDailyFraction { get; init; } = 0.8;

    /// <summary>o3 cutOff: a station-month needs more than this fraction of hours usable after o2.</summary>
    [Range(0.0, 1.0)]
    public double O3MinMonthlyFraction { get; init; } = 0.8;

    /// <summary>Throws when a parameter is out of its range, naming it and the values it takes.</summary>
    /// <exception cref="ArgumentException">A parameter is out of range, or m2's low probability is not below its high one.</exception>
    public void Validate()
    {
        var errors = new List<ValidationResult>();
        if (!Validator.TryValidateObject(this, new ValidationContext(this), errors, validateAllProperties: true))
        {
            var first = errors[0];
            throw new ArgumentException(first.ErrorMessage, first.MemberNames.FirstOrDefault());
        }

        if (M2LowProbability >= M2HighProbability)
        {
            throw new ArgumentException(
                $"{nameof(M2LowProbability)} ({M2LowProbability}) must be below {nameof(M2HighProbability)} ({M2HighProbability}); both lie strictly between 0 and 1.",
                nameof(M2LowProbability));
        }
    }
}
