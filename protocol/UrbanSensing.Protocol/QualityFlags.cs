using System.Diagnostics.CodeAnalysis;

namespace UrbanSensing.Protocol;

/// <summary>
/// Quality-control flags of a reading. A flagged reading is kept, marked and returned with its flags; queries may
/// leave flagged readings out. Stored as an integer, so a flag's value never changes once released. Ingestion sets
/// <see cref="Unregistered"/>; the others are raised by the quality control of UrbanSensing.Analytics.Quality.
/// </summary>
[Flags]
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Quality-control flags is what meteorologists and CrowdQC+ call them.")]
public enum QualityFlags
{
    None = 0,

    /// <summary>
    /// The registry does not list the device, or its sensor measuring this quantity, at the reading's time (not yet
    /// installed, removed, or unknown): the reading is stored uncalibrated and without a site.
    /// </summary>
    Unregistered = 1,

    /// <summary>Outside the physical range configured for the quantity.</summary>
    OutOfRange = 1 << 1,

    /// <summary>Changed from the previous reading by more than the step limit, within the step check's maximum gap.</summary>
    Step = 1 << 2,

    /// <summary>A jump beyond the step limit that the next reading undoes (up then down, or down then up).</summary>
    Spike = 1 << 3,

    /// <summary>Part of a run of values that stayed within the tolerance for longer than allowed: a stuck sensor.</summary>
    Persistence = 1 << 4,

    /// <summary>The device reported that its clock was not synchronised when it took the reading.</summary>
    ClockNotSynchronised = 1 << 5,

    /// <summary>CrowdQC+: no value for this station-hour.</summary>
    Missing = 1 << 6,

    /// <summary>CrowdQC+ m1: the station shares its exact coordinates with other stations (a default location).</summary>
    CrowdQcM1 = 1 << 7,

    /// <summary>CrowdQC+ m2: robust z-score across the network in this hour outside the cut-offs.</summary>
    CrowdQcM2 = 1 << 8,

    /// <summary>CrowdQC+ m3: too many of the station's values in this month were missing or failed m1/m2.</summary>
    CrowdQcM3 = 1 << 9,

    /// <summary>CrowdQC+ m4: the station correlates too weakly with the network median in this month.</summary>
    CrowdQcM4 = 1 << 10,

    /// <summary>CrowdQC+ m5: outlier against its neighbours, or too few neighbours to tell.</summary>
    CrowdQcM5 = 1 << 11,

    /// <summary>CrowdQC+ o1: the station-hour's value is interpolated from its neighbours in time.</summary>
    CrowdQcInterpolated = 1 << 12,

    /// <summary>CrowdQC+ o2: too few usable values that day.</summary>
    CrowdQcO2 = 1 << 13,

    /// <summary>CrowdQC+ o3: too few usable values that month.</summary>
    CrowdQcO3 = 1 << 14,
}
