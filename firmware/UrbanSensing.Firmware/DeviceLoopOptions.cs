using System.ComponentModel.DataAnnotations;
using UrbanSensing.Protocol;
using UrbanSensing.Protocol.Senml;

namespace UrbanSensing.Firmware;

/// <summary>Configuration of a <see cref="DeviceLoop"/>.</summary>
public sealed record DeviceLoopOptions : IValidatableObject
{
    public const string SectionName = "Device";

    [Required]
    public required string DeviceId { get; init; }

    /// <summary>Time between two sampling rounds, measured on the device clock.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan SamplingInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Readings per SenML message (the pack size).</summary>
    [Range(1, 10_000)]
    public int ReadingsPerMessage { get; init; } = 10;

    /// <summary>Messages kept while the broker is unreachable; beyond it the oldest is dropped.</summary>
    [Range(1, 1_000_000)]
    public int OutboxCapacity { get; init; } = 100;

    [EnumDataType(typeof(SenmlRepresentation))]
    public SenmlRepresentation Representation { get; init; } = SenmlRepresentation.Json;

    /// <summary>Stop after exactly this many readings; <see langword="null"/> runs until cancelled.</summary>
    [Range(typeof(long), "1", "9223372036854775807")]
    public long? MaxReadings { get; init; }

    /// <summary>Sequence number of the first reading, so a restarted device can carry on where it stopped.</summary>
    [Range(typeof(long), "0", "9223372036854775807")]
    public long FirstSequence { get; init; }

    /// <summary>Wait after the first failed connect or publish; it doubles on each further failure.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap of the doubling retry wait.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a cancelled loop keeps trying to empty its outbox before it gives up.</summary>
    public TimeSpan ShutdownGracePeriod { get; init; } = TimeSpan.FromSeconds(5);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Identifiers.IsValid(DeviceId))
        {
            yield return new ValidationResult(Identifiers.Describe(DeviceId), [nameof(DeviceId)]);
        }

        if (RetryDelay <= TimeSpan.Zero)
        {
            yield return new ValidationResult($"{nameof(RetryDelay)} must be positive", [nameof(RetryDelay)]);
        }

        if (MaxRetryDelay < RetryDelay)
        {
            yield return new ValidationResult($"{nameof(MaxRetryDelay)} must be at least {nameof(RetryDelay)}", [nameof(MaxRetryDelay)]);
        }

        if (ShutdownGracePeriod < TimeSpan.Zero)
        {
            yield return new ValidationResult($"{nameof(ShutdownGracePeriod)} must not be negative", [nameof(ShutdownGracePeriod)]);
        }
    }
}
