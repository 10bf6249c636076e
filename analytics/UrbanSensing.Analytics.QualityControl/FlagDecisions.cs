using UrbanSensing.Protocol;
using UrbanSensing.Storage;

namespace UrbanSensing.Analytics.QualityControl;

/// <summary>
/// The verdicts of one part of the pass on the readings it checks: counts them per flag and keeps, until written, an
/// update for each reading whose owned flags change. Readings already flagged as decided are not written again, so a
/// pass run twice writes nothing the second time.
/// </summary>
internal sealed class FlagDecisions
{
    private readonly QualityFlags _owned;
    private readonly QualityFlags[] _flags;
    private readonly int[] _counts;
    private readonly List<QualityFlagUpdate> _pending = [];

    public FlagDecisions(QualityFlags owned)
    {
        _owned = owned;
        _flags = [.. Enum.GetValues<QualityFlags>().Where(flag => flag != QualityFlags.None && owned.HasFlag(flag))];
        _counts = new int[_flags.Length];
    }

    public int Checked { get; private set; }

    public int Sent { get; private set; }

    public int Matched { get; private set; }

    public IReadOnlyDictionary<QualityFlags, int> Flagged =>
        _flags.Zip(_counts).ToDictionary(pair => pair.First, pair => pair.Second);

    public void Decide(Reading reading, QualityFlags flags)
    {
        var decided = flags & _owned;
        Checked++;
        for (var i = 0; i < _flags.Length; i++)
        {
            _counts[i] += (decided & _flags[i]) != 0 ? 1 : 0;
        }

        if ((reading.Flags & _owned) != decided)
        {
            _pending.Add(new QualityFlagUpdate(reading.DeviceId, reading.Sensor, reading.Quantity, reading.Timestamp, decided));
        }
    }

    public async Task WriteAsync(IReadingStore store, CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        Matched += await store.SetQualityFlagsAsync(_pending, _owned, cancellationToken).ConfigureAwait(false);
        Sent += _pending.Count;
        _pending.Clear();
    }
}
