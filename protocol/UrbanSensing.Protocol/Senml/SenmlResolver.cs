namespace UrbanSensing.Protocol.Senml;

/// <summary>Applies base fields and relative times to get absolute records (RFC 8428 sections 4.5 and 4.6).</summary>
public static class SenmlResolver
{
    /// <summary>Times below 2^28 seconds are relative to "now" (RFC 8428 section 4.5.3).</summary>
    public const double RelativeTimeLimit = 268_435_456;

    /// <summary>Resolved records in chronological order, as RFC 8428 section 4.6 defines them.</summary>
    public static IReadOnlyList<ResolvedRecord> Resolve(IReadOnlyList<SenmlRecord> pack, DateTimeOffset now) =>
        [.. ResolveInPackOrder(pack, now).Select(entry => entry.Record).OrderBy(record => record.Time)];

    /// <summary>Resolved records in pack order, each with the index of the record it came from.</summary>
    /// <exception cref="SenmlFormatException">A record has no name, an invalid name, no value, or an unsupported version.</exception>
    public static IReadOnlyList<(int Index, ResolvedRecord Record)> ResolveInPackOrder(IReadOnlyList<SenmlRecord> pack, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var nowSeconds = now.ToUnixTimeMilliseconds() / 1000d;
        var baseName = string.Empty;
        var baseTime = 0d;
        string? baseUnit = null;
        double? baseValue = null;
        double? baseSum = null;
        var resolved = new List<(int, ResolvedRecord)>(pack.Count);

        for (var index = 0; index < pack.Count; index++)
        {
            var record = pack[index];
            if (record.BaseVersion is > SenmlLabels.SupportedVersion)
            {
                throw new SenmlFormatException(
                    $"SenML version {record.BaseVersion} is newer than version {SenmlLabels.SupportedVersion}, the one understood here",
                    index,
                    SenmlLabels.BaseVersion);
            }

            baseName = record.BaseName ?? baseName;
            baseTime = record.BaseTime ?? baseTime;
            baseUnit = record.BaseUnit ?? baseUnit;
            baseValue = record.BaseValue ?? baseValue;
            baseSum = record.BaseSum ?? baseSum;

            if (IsBaseOnly(record))
            {
                continue;
            }

            var name = baseName + record.Name;
            ValidateName(name, index);
            ValidateSingleValue(record, baseValue, baseSum, index);

            var time = baseTime + (record.Time ?? 0);
            if (time < RelativeTimeLimit)
            {
                time += nowSeconds;
            }

            var hasNumericValue = record.Value is not null
                || (baseValue is not null && record.StringValue is null && record.BooleanValue is null && record.DataValue is null);
            var hasSum = record.Sum is not null || baseSum is not null;

            resolved.Add((index, new ResolvedRecord(
                name,
                record.Unit ?? baseUnit,
                time,
                hasNumericValue ? (baseValue ?? 0) + (record.Value ?? 0) : null,
                record.StringValue,
                record.BooleanValue,
                record.DataValue,
                hasSum ? (baseSum ?? 0) + (record.Sum ?? 0) : null,
                record.UpdateTime,
                record.Sequence)));
        }

        return resolved;
    }

    /// <summary>A record that only sets base fields for the records after it (as in RFC 8428 section 5.1.7).</summary>
    private static bool IsBaseOnly(SenmlRecord record) =>
        record.Name is null && record.Unit is null && record.Time is null && record.UpdateTime is null && !record.HasValue;

    private static void ValidateSingleValue(SenmlRecord record, double? baseValue, double? baseSum, int index)
    {
        var valueFields = (record.Value is null ? 0 : 1) + (record.StringValue is null ? 0 : 1)
            + (record.BooleanValue is null ? 0 : 1) + (record.DataValue is null ? 0 : 1);
        if (valueFields > 1)
        {
            throw new SenmlFormatException("a record carries at most one of 'v', 'vs', 'vb' and 'vd'", index);
        }

        if (valueFields == 0 && record.Sum is null && baseValue is null && baseSum is null)
        {
            throw new SenmlFormatException("the record has neither a value ('v', 'vs', 'vb', 'vd') nor a sum ('s')", index);
        }
    }

    /// <summary>RFC 8428 section 4.5.1: letters, digits, '-', ':', '.', '/' and '_', starting with a letter or digit.</summary>
    private static void ValidateName(string name, int index)
    {
        if (name.Length == 0)
        {
            throw new SenmlFormatException("the record has no name: neither 'bn' nor 'n' is set", index, SenmlLabels.Name);
        }

        if (!char.IsAsciiLetterOrDigit(name[0]))
        {
            throw new SenmlFormatException($"the name '{name}' must start with a letter or a digit", index, SenmlLabels.Name);
        }

        foreach (var character in name)
        {
            if (!char.IsAsciiLetterOrDigit(character) && character is not ('-' or ':' or '.' or '/' or '_'))
            {
                throw new SenmlFormatException($"the name '{name}' contains '{character}'; SenML names use letters, digits, '-', ':', '.', '/' and '_'", index, SenmlLabels.Name);
            }
        }
    }
}
