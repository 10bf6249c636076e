using System.Diagnostics.CodeAnalysis;

namespace UrbanSensing.Protocol;

/// <summary>
/// Quality-control flags of a reading. A flagged reading is kept, marked and returned with its flags; queries may
/// leave flagged readings out. Stored as an integer, so a flag's value never changes once released.
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
}
