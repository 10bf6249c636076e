using UrbanSensing.Firmware;
using UrbanSensing.Protocol;

namespace UrbanSensing.Simulator.Sensors;

/// <summary>
/// A simulated tipping-bucket rain gauge, 0.2 mm a tip. Weather is a two-state Markov chain (dry, raining) stepped
/// minute by minute of simulated time, so its statistics do not depend on how often the gauge is read; each rain
/// episode has its own intensity. A read returns the tips since the previous read and the rainfall they measure.
/// </summary>
public sealed class SimulatedRainGauge : ISensor
{
    public const string PartId = "rg";
    public const double MillimetresPerTip = 0.2;

    // Lille gets about 700 mm a year and it rains about 8 % of the time: mean dry spell 16 h, mean episode 80 min,
    // mean intensity 1.1 mm/h.
    private const double StartRainingPerMinute = 1.0 / (16 * 60);
    private const double StopRainingPerMinute = 1.0 / 80;
    private const double MeanIntensity = 1.1;
    private const double MaximumIntensity = 30;
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(1);

    private readonly TimeProvider _timeProvider;
    private readonly Random _random;
    private DateTimeOffset? _modelTime;
    private bool _raining;
    private double _intensity;
    private double _bucket;

    /// <param name="seed">Seeds this gauge's own random source, which it never shares.</param>
    public SimulatedRainGauge(TimeProvider timeProvider, int seed)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
        _random = new Random(seed);
        if (_random.NextDouble() < StartRainingPerMinute / (StartRainingPerMinute + StopRainingPerMinute))
        {
            StartEpisode();
        }
    }

    public string Id => PartId;

    public IReadOnlyList<Quantity> Quantities => PartQuantities;

    /// <summary>What every read of the part returns.</summary>
    public static IReadOnlyList<Quantity> PartQuantities { get; } = [Protocol.Quantities.RainGaugeTips, Protocol.Quantities.RainfallDepth];

    public ValueTask<IReadOnlyList<SensorSample>> ReadAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var now = _timeProvider.GetUtcNow();
        _modelTime ??= now;
        while (_modelTime + Step <= now)
        {
            StepOneMinute();
            _modelTime += Step;
        }

        var tips = (int)(_bucket / MillimetresPerTip);
        _bucket -= tips * MillimetresPerTip;
        IReadOnlyList<SensorSample> samples =
        [
            new(Protocol.Quantities.RainGaugeTips, tips),
            new(Protocol.Quantities.RainfallDepth, Math.Round(tips * MillimetresPerTip, 1)),
        ];
        return ValueTask.FromResult(samples);
    }

    private void StepOneMinute()
    {
        if (_raining)
        {
            _bucket += _intensity / 60;
            _raining = _random.NextDouble() >= StopRainingPerMinute;
        }
        else if (_random.NextDouble() < StartRainingPerMinute)
        {
            StartEpisode();
        }
    }

    private void StartEpisode()
    {
        _raining = true;
        _intensity = Math.Min(-MeanIntensity * Math.Log(1 - _random.NextDouble()), MaximumIntensity);
    }
}
