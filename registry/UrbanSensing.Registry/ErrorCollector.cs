namespace UrbanSensing.Registry;

/// <summary>Gathers the errors of one file into the list shared by both registry files.</summary>
internal sealed class ErrorCollector(string file, List<RegistryError> errors)
{
    /// <summary>Errors so far in both files; a reader compares it before and after an object to know whether the object is valid.</summary>
    public int Count => errors.Count;

    public void Add(int line, string message) => errors.Add(new RegistryError(file, line, message));
}
