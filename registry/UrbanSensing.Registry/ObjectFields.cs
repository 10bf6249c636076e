using System.Text.Json;
using UrbanSensing.Protocol;

namespace UrbanSensing.Registry;

/// <summary>
/// Reads the members of one JSON object of a registry file, reporting each missing, null or mistyped member with its
/// line and what it must be, so that a reader goes on and finds every error of the file.
/// </summary>
internal sealed class ObjectFields
{
    private readonly SourceValue _object;
    private readonly ErrorCollector _errors;

    public ObjectFields(SourceValue value, string subject, ErrorCollector errors)
    {
        _object = value;
        _errors = errors;
        Subject = subject;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var property in value.Properties)
        {
            if (!seen.TryAdd(property.Name, property.Line))
            {
                Add(property.Line, $"'{property.Name}' appears twice (first on line {seen[property.Name]}); give each field once");
            }
        }
    }

    /// <summary>What the object is, named in every message: "site 'fives'", "device 'lille-0001', sensor 'rg'".</summary>
    public string Subject { get; set; }

    public void Add(int line, string message) => _errors.Add(line, $"{Subject}: {message}");

    /// <summary>The line of a member's value, or of the object when the member is absent.</summary>
    public int LineOf(string name) => Find(name)?.Line ?? _object.Line;

    public string? RequiredString(string name, string expectation) =>
        Get(name, required: true, expectation, value => value.Kind == JsonValueKind.String)?.Text;

    /// <summary>A required string that must also be a valid <see cref="Identifiers">identifier</see>.</summary>
    public string? RequiredIdentifier(string name, string expectation)
    {
        var identifier = RequiredString(name, expectation);
        if (identifier is not null && !Identifiers.IsValid(identifier))
        {
            Add(LineOf(name), $"'{name}': {Identifiers.Describe(identifier)}");
            return null;
        }

        return identifier;
    }

    public string? OptionalString(string name, string expectation) =>
        Get(name, required: false, expectation, value => value.Kind == JsonValueKind.String)?.Text;

    public double? RequiredNumber(string name, string expectation) => Number(Get(name, required: true, expectation, IsNumber), name, expectation);

    public double? OptionalNumber(string name, string expectation) => Number(Get(name, required: false, expectation, IsNumber), name, expectation);

    public bool OptionalBoolean(string name, string expectation) =>
        Get(name, required: false, expectation, value => value.IsBoolean)?.Kind == JsonValueKind.True;

    public SourceValue? RequiredObject(string name, string expectation) =>
        Get(name, required: true, expectation, value => value.Kind == JsonValueKind.Object);

    public SourceValue? OptionalObject(string name, string expectation) =>
        Get(name, required: false, expectation, value => value.Kind == JsonValueKind.Object);

    public SourceValue? RequiredArray(string name, string expectation) =>
        Get(name, required: true, expectation, value => value.Kind == JsonValueKind.Array);

    /// <summary>Reports every member not in <paramref name="known"/>: a misspelt optional field would otherwise be ignored silently.</summary>
    public void RejectUnknown(params string[] known)
    {
        foreach (var property in _object.Properties.Where(candidate => !known.Contains(candidate.Name, StringComparer.Ordinal)))
        {
            Add(property.Line, $"'{property.Name}' is not a known field; the fields are {string.Join(", ", known.Select(name => $"'{name}'"))}");
        }
    }

    private static bool IsNumber(SourceValue value) => value.Kind == JsonValueKind.Number;

    private SourceValue? Find(string name) => _object.Properties.FirstOrDefault(property => property.Name == name)?.Value;

    private SourceValue? Get(string name, bool required, string expectation, Func<SourceValue, bool> hasKind)
    {
        var value = Find(name);
        if (value is null || value.Kind == JsonValueKind.Null)
        {
            if (required)
            {
                Add(value?.Line ?? _object.Line, $"'{name}' is {(value is null ? "missing" : "null")}; it must be {expectation}");
            }

            return null;
        }

        if (!hasKind(value))
        {
            Add(value.Line, $"'{name}' is {value.KindName}; it must be {expectation}");
            return null;
        }

        return value;
    }

    private double? Number(SourceValue? value, string name, string expectation)
    {
        if (value is null)
        {
            return null;
        }

        if (!double.IsFinite(value.Number))
        {
            Add(value.Line, $"'{name}' is too large a number; it must be {expectation}");
            return null;
        }

        return value.Number;
    }
}
