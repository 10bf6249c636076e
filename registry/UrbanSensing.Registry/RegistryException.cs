namespace UrbanSensing.Registry;

/// <summary>The registry files are invalid; <see cref="Errors"/> holds every problem found, not only the first.</summary>
public sealed class RegistryException : Exception
{
    public RegistryException(IReadOnlyList<RegistryError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public RegistryException()
        : this([])
    {
    }

    public RegistryException(string message)
        : base(message)
    {
        Errors = [];
    }

    public RegistryException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public IReadOnlyList<RegistryError> Errors { get; }

    private static string Describe(IReadOnlyList<RegistryError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var count = errors.Count == 1 ? "1 error" : $"{errors.Count} errors";
        return string.Join(Environment.NewLine, errors.Select(error => error.ToString()).Prepend($"The sensor registry is invalid ({count}):"));
    }
}
