using UrbanSensing.Protocol;

namespace UrbanSensing.Firmware.Tests.Fakes;

/// <summary>
/// A sensor whose n-th read (from 0) returns <c>value(n, quantity index)</c> for each quantity, or fails on the
/// reads listed in <see cref="FailingReads"/>. Each read releases <see cref="Reads"/>, so a test can step virtual
/// time one round at a time.
/// </summary>
internal sealed class ScriptedSensor(string id, IReadOnlyList<Quantity> quantities, Func<int, int, double> value) : ISensor
{
    private int _reads;

    public string Id { get; } = id;

    public IReadOnlyList<Quantity> Quantities { get; } = quantities;

    public IReadOnlySet<int> FailingReads { get; init; } = new HashSet<int>();

    public SemaphoreSlim Reads { get; } = new(0);

    public ValueTask<IReadOnlyList<SensorSample>> ReadAsync(CancellationToken cancellationToken = default)
    {
        var read = _reads++;
        Reads.Release();
        if (FailingReads.Contains(read))
        {
            throw new SensorReadException($"read {read} failed");
        }

        var samples = new SensorSample[Quantities.Count];
        for (var index = 0; index < samples.Length; index++)
        {
            samples[index] = new SensorSample(Quantities[index], value(read, index));
        }

        return ValueTask.FromResult<IReadOnlyList<SensorSample>>(samples);
    }
}
