using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using UrbanSensing.Protocol;

namespace UrbanSensing.Ingestion;

/// <summary>
/// Accepts a message's readings only if each is physically plausible (within its quantity's range, ends included)
/// and timed near the message's arrival (at most <see cref="ValidationOptions.MaxFutureSkew"/> after it, at most
/// <see cref="ValidationOptions.MaxAge"/> before it, ends included).
/// </summary>
public sealed class ReadingValidator
{
    private readonly TimeSpan _maxFutureSkew;
    private readonly TimeSpan _maxAge;

    public ReadingValidator(ValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _maxFutureSkew = options.MaxFutureSkew;
        _maxAge = options.MaxAge;
    }

    /// <returns>True when every reading is acceptable; otherwise false, with the kind and the reason of the first problem.</returns>
    /// <param name="reason">Names the reading by its position in the message (from 0), the quantity, the value and what is accepted.</param>
    public bool TryValidate(
        IReadOnlyList<Reading> readings,
        DateTimeOffset receivedAt,
        out RejectionKind kind,
        [NotNullWhen(false)] out string? reason)
    {
        ArgumentNullException.ThrowIfNull(readings);
        for (var index = 0; index < readings.Count; index++)
        {
            var reading = readings[index];
            var quantity = reading.Quantity;
            if (!quantity.IsPlausible(reading.Value))
            {
                kind = RejectionKind.ImplausibleValue;
                reason = string.Create(
                    CultureInfo.InvariantCulture,
                    $"reading {index}: {quantity.Name} {reading.Value} {quantity.Unit} is outside the plausible range {quantity.PlausibleMinimum} to {quantity.PlausibleMaximum} {quantity.Unit}");
                return false;
            }

            var offset = reading.Timestamp - receivedAt;
            if (offset > _maxFutureSkew)
            {
                kind = RejectionKind.TimestampOutOfRange;
                reason = string.Create(
                    CultureInfo.InvariantCulture,
                    $"reading {index}: its time {Format(reading.Timestamp)} is {offset:c} after the message arrived ({Format(receivedAt)}); at most {_maxFutureSkew:c} is accepted");
                return false;
            }

            if (-offset > _maxAge)
            {
                kind = RejectionKind.TimestampOutOfRange;
                reason = string.Create(
                    CultureInfo.InvariantCulture,
                    $"reading {index}: its time {Format(reading.Timestamp)} is {-offset:c} before the message arrived ({Format(receivedAt)}); at most {_maxAge:c} is accepted");
                return false;
            }
        }

        kind = default;
        reason = null;
        return true;
    }

    private static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
