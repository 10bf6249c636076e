namespace UrbanSensing.Registry;

/// <summary>One thing wrong in a registry file.</summary>
/// <param name="File">The file as it was given to the loader.</param>
/// <param name="Line">1-based line the wrong value (or, for a missing field, its object) starts on.</param>
/// <param name="Message">What is wrong and what is allowed instead.</param>
public sealed record RegistryError(string File, int Line, string Message)
{
    /// <summary>The <c>file:line: message</c> form compilers use, which editors and terminals turn into links.</summary>
    public override string ToString() => $"{File}:{Line}: {Message}";
}
