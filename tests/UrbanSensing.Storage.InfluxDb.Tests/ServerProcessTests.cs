namespace UrbanSensing.Storage.InfluxDb.Tests;

public sealed class ServerProcessTests
{
    [Fact]
    public void Start_BinaryMissing_ThrowsNamingTheDebianPackageToInstall()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => ServerProcess.Start("/usr/bin/urbansensing-no-such-server", "no-such-package", []));

        Assert.Contains("/usr/bin/urbansensing-no-such-server is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install no-such-package", error.Message, StringComparison.Ordinal);
    }
}
