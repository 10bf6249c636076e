using UrbanSensing.Analytics.Quality;
using UrbanSensing.Analytics.Quality.Series;
using UrbanSensing.Protocol;
using UrbanSensing.Storage;

namespace UrbanSensing.Analytics.QualityControl;

/// <summary>
/// The step, spike and persistence checks of one quantity over the stored readings, channel by channel.
/// </summary>
/// <remarks>
/// A reading's verdict depends on the readings up to <see cref="SeriesCheckOptions.Context"/> either side of it (C): the
/// next one undoes a spike, a stuck stretch reaches a persistence duration and one gap away. So a pass over
/// [from, to) decides only the readings of [from − C, to − C), each from the readings of [t − C, t + C], which the range
/// and the C before it hold. Passes over adjacent ranges decide adjacent, disjoint sets of readings, each once, as one
/// pass over their union would; the last C of a range waits for the next pass.
/// </remarks>
internal sealed class SeriesChecks
{
    // The readings are decided a day at a time, so a long range holds at most a day and two contexts of one channel.
    private static readonly TimeSpan Chunk = TimeSpan.FromDays(1);

    private readonly IReadingStore _store;
    private readonly Quantity _quantity;
    private readonly StepCheck? _step;
    private readonly PersistenceCheck? _persistence;
    private readonly TimeSpan _context;

    public SeriesChecks(IReadingStore store, Quantity quantity, SeriesCheckOptions options)
    {
        _store = store;
        _quantity = quantity;
        _context = options.Context;
        _step = options.MaximumStep is { } step ? new StepCheck(step, options.MaximumStepGap) : null;
        _persistence = options.MaximumPersistence is { } duration ? new PersistenceCheck(options.PersistenceTolerance, duration) : null;
    }

    public async Task<SeriesCheckSummary> RunAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var settledFrom = from - _context;
        var settledTo = to - _context;
        var decisions = new FlagDecisions(QualityControlPass.SeriesFlags);
        for (var start = settledFrom; start < settledTo; start += Chunk)
        {
            var end = start + Chunk < settledTo ? start + Chunk : settledTo;
            var query = new ReadingQuery([], [_quantity], start - _context, end + _context);
            await foreach (var channel in ChannelStream.ByChannelAsync(_store.QueryAsync(query, cancellationToken), cancellationToken).ConfigureAwait(false))
            {
                var flags = Check(channel);
                for (var i = 0; i < channel.Count; i++)
                {
                    if (channel[i].Timestamp >= start && channel[i].Timestamp < end)
                    {
                        decisions.Decide(channel[i], flags[i]);
                    }
                }
            }

            await decisions.WriteAsync(_store, cancellationToken).ConfigureAwait(false);
        }

        return new SeriesCheckSummary(_quantity, settledFrom, settledTo, decisions.Checked, decisions.Flagged, decisions.Sent, decisions.Matched);
    }

    private QualityFlags[] Check(List<Reading> channel)
    {
        var series = channel.ConvertAll(reading => new SeriesReading(reading.Timestamp, reading.Value));
        var flags = new QualityFlags[series.Count];
        Add(flags, _step?.Check(series));
        Add(flags, _persistence?.Check(series));
        return flags;
    }

    private static void Add(QualityFlags[] flags, IReadOnlyList<QcResult>? results)
    {
        if (results is null)
        {
            return;
        }

        for (var i = 0; i < results.Count; i++)
        {
            flags[i] |= results[i].Flags;
        }
    }
}
