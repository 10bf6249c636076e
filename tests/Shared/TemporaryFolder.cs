namespace UrbanSensing.Tests.Shared;

/// <summary>A fresh folder under the system temporary folder, deleted with everything in it.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("urbansensing-tests-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
