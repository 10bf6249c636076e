namespace UrbanSensing.Registry;

/// <summary>A member of a JSON object in a registry file, with the line its name is on.</summary>
internal sealed record SourceProperty(string Name, int Line, SourceValue Value);
