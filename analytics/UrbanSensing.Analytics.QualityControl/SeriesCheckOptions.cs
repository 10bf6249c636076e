using System.ComponentModel.DataAnnotations;

namespace UrbanSensing.Analytics.QualityControl;

/// <summary>
/// The single-series checks of one quantity (section <c>QualityControl:Series:&lt;quantity&gt;</c>). A check whose limit
/// is empty is off. README.md gives the defaults and where they come from.
/// </summary>
public sealed class SeriesCheckOptions
{
    /// <summary>
    /// The largest change between consecutive readings that passes, in the quantity's unit; a larger one is a step, and
    /// a spike when the next reading undoes it. Empty turns the step and spike check off.
    /// </summary>
    [Range(0.0, double.MaxValue, ErrorMessage = "must be a finite number of 0 or more, in the quantity's unit, or empty to turn the step check off")]
    public double? MaximumStep { get; set; }

    /// <summary>
    /// The longest time between two readings that still makes them consecutive: over a longer gap a large change is
    /// plausible and is not judged. It is also the sampling interval the pass assumes when it reads a reading's context.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "must be a duration from 00:00:01 to 01:00:00")]
    public TimeSpan MaximumStepGap { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The spread of values (largest minus smallest), in the quantity's unit, that still counts as unchanged.</summary>
    [Range(0.0, double.MaxValue, ErrorMessage = "must be a finite number of 0 or more, in the quantity's unit")]
    public double PersistenceTolerance { get; set; }

    /// <summary>How long values may stay unchanged before the stretch is flagged as a stuck sensor. Empty turns the persistence check off.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "must be a duration from 00:01:00 to 1.00:00:00, or empty to turn the persistence check off")]
    public TimeSpan? MaximumPersistence { get; set; }

    /// <summary>
    /// How far on either side of a reading its checks look: a step or spike needs the readings one gap away, a stuck
    /// stretch the readings one persistence duration and one gap away.
    /// </summary>
    internal TimeSpan Context => MaximumStepGap + (MaximumPersistence ?? TimeSpan.Zero);
}
