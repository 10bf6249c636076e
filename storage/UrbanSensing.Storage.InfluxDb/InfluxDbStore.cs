using System.Buffers;
using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using InfluxDB.Client;
using InfluxDB.Client.Api.Domain;
using InfluxDB.Client.Core.Exceptions;
using UrbanSensing.Protocol;
using UrbanSensing.Storage.Aggregation;

namespace UrbanSensing.Storage.InfluxDb;

/// <summary>Readings as InfluxDB points: written as line protocol, read back with InfluxQL.</summary>
/// <remarks>
/// <para>
/// The V2 endpoint is written through InfluxDB.Client's asynchronous write API, the one that neither buffers nor
/// retries behind our back, with the client's own gzip. It takes line protocol as a string, so each request costs a
/// few copies of its body (string, the client's joined string, its UTF-8 bytes, the compressed bytes): per request
/// of up to <see cref="InfluxDbStoreOptions.BatchSize"/> lines, never per reading. The client knows no V1 endpoint and
/// no InfluxQL, so the V1 endpoint and queries go through a plain HttpClient, which streams our buffer, gzipped on
/// the fly, with no copy at all.
/// </para>
/// <para>
/// A batch is first written whole into one buffer the store keeps and reuses, so a reading that cannot be written
/// fails the batch before anything is sent. Appends are serialised because they share that buffer.
/// </para>
/// </remarks>
public sealed class InfluxDbStore : IReadingStore, IAsyncDisposable
{
    private const int InitialBufferBytes = 64 * 1024;
    private const int MaxErrorBodyChars = 1024;
    private const string QueryChunkRows = "10000";

    // Updates further apart than this are read in separate queries, so that a few updates far apart in time do not read
    // every point of their channels in between; within it, reading the points between costs less than another request.
    private static readonly TimeSpan MaxReadSpan = TimeSpan.FromHours(1);

    private readonly Func<string, DeviceTags?> _deviceTags;
    private readonly int _batchSize;
    private readonly bool _gzip;
    private readonly string _bucket;
    private readonly string? _organization;
    private readonly string _v1WritePath;
    /// <summary>The form fields naming the database (and retention policy) a query reads.</summary>
    private readonly KeyValuePair<string, string>[] _queryTarget;
    private readonly HttpClient _http;
    private readonly InfluxDBClient? _client;
    private readonly WriteApiAsync? _writeApi;
    private readonly ArrayBufferWriter<byte> _lines = new(InitialBufferBytes);
    private readonly List<int> _requestEnds = [];
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private int _disposed;

    /// <param name="options">Validated here; the store keeps its own copy of the values.</param>
    /// <param name="deviceTags">
    /// The site, district and local climate zone of a device, or null when none are known. Called for every reading
    /// written, so it should be a lookup; a device's tags must not change while its readings may be redelivered (see
    /// <see cref="DeviceTags"/>). No tags are written when it is null.
    /// </param>
    /// <exception cref="ValidationException">The options are invalid.</exception>
    public InfluxDbStore(InfluxDbStoreOptions options, Func<string, DeviceTags?>? deviceTags = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);

        _deviceTags = deviceTags ?? (_ => null);
        _batchSize = options.BatchSize;
        _gzip = options.Gzip;
        _bucket = options.Bucket;
        _organization = options.Organization;

        var database = options.WriteEndpoint == InfluxDbWriteEndpoint.V1 ? options.Database! : options.Bucket;
        var retentionPolicy = options.WriteEndpoint == InfluxDbWriteEndpoint.V1 ? options.RetentionPolicy : null;
        _v1WritePath = $"write?db={Uri.EscapeDataString(database)}&precision=ns";
        _queryTarget = [new("db", database)];
        if (!string.IsNullOrEmpty(retentionPolicy))
        {
            _v1WritePath += $"&rp={Uri.EscapeDataString(retentionPolicy)}";
            _queryTarget = [.. _queryTarget, new("rp", retentionPolicy)];
        }

        _http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All })
        {
            BaseAddress = new Uri(options.Url.EndsWith('/') ? options.Url : options.Url + "/"),
            Timeout = options.Timeout,
        };
        if (!string.IsNullOrEmpty(options.Token))
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", options.Token);
        }

        if (options.WriteEndpoint == InfluxDbWriteEndpoint.V2)
        {
            var clientOptions = new InfluxDBClientOptions(options.Url) { Timeout = options.Timeout };

            // The client refuses an empty token rather than sending none.
            if (!string.IsNullOrEmpty(options.Token))
            {
                clientOptions.Token = options.Token;
            }

            _client = new InfluxDBClient(clientOptions);
            if (options.Gzip)
            {
                _client.EnableGzip();
            }

            _writeApi = _client.GetWriteApiAsync();
        }
    }

    /// <summary>
    /// Writes the batch in requests of at most <see cref="InfluxDbStoreOptions.BatchSize"/> lines and returns once the
    /// server acknowledged them all. A failure throws; requests already acknowledged stay written, which is harmless
    /// because writing the batch again overwrites those points with themselves.
    /// </summary>
    /// <exception cref="ArgumentException">A reading cannot be written as line protocol; nothing of the batch was sent.</exception>
    public async Task AppendAsync(IReadOnlyList<Reading> readings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(readings);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (readings.Count == 0)
        {
            return;
        }

        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            WriteLines(readings);
            await SendLinesAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>
    /// Reads the stored points the updates name, with every tag (<c>GROUP BY *</c>), span by span of the updates' times,
    /// then writes the <c>qc</c> field alone to each point whose flags change, in requests of at most
    /// <see cref="InfluxDbStoreOptions.BatchSize"/> lines. A point is written back under the series key it is stored
    /// with, not one made again from <c>deviceTags</c>, so it stays one point when a device's tags have changed since;
    /// and only stored points are written, since writing <c>qc</c> alone at a new time would create a point without a
    /// value. Serialised with appends, so none comes between reading a point's flags and writing them. A failure
    /// throws; requests acknowledged before it stay written, which running the pass again makes good.
    /// </summary>
    public async Task<int> SetQualityFlagsAsync(IReadOnlyList<QualityFlagUpdate> updates, QualityFlags owned, CancellationToken cancellationToken = default)
    {
        QualityFlagUpdates.ThrowIfInvalid(updates, owned);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (updates.Count == 0)
        {
            return 0;
        }

        var pending = new PendingFlagUpdates(updates, owned);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            _lines.ResetWrittenCount();
            _requestEnds.Clear();
            var changed = 0;
            foreach (var span in pending.Spans(MaxReadSpan))
            {
                var statement = InfluxQl.SelectStoredFlags(span.Channels, span.FromNanoseconds, span.ToNanoseconds);
                await foreach (var chunk in PostChunkedQueryAsync(statement, cancellationToken).ConfigureAwait(false))
                {
                    foreach (var stored in InfluxQlResponse.ReadStoredFlags(chunk.Span))
                    {
                        if (pending.Apply(stored) is { } flags && flags != stored.Flags)
                        {
                            LineProtocol.WriteFlags(_lines, stored.SeriesKey, flags, stored.Nanoseconds);
                            if (++changed % _batchSize == 0)
                            {
                                _requestEnds.Add(_lines.WrittenCount);
                            }
                        }
                    }
                }
            }

            if (changed % _batchSize != 0)
            {
                _requestEnds.Add(_lines.WrittenCount);
            }

            await SendLinesAsync(cancellationToken).ConfigureAwait(false);
            return pending.Matched;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async IAsyncEnumerable<Reading> QueryAsync(
        ReadingQuery query,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Limit ?? 0, nameof(query));
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

        // InfluxQL reads LIMIT 0 as no limit at all.
        if (query.Limit == 0 || query.From >= query.To)
        {
            yield break;
        }

        // Channel by channel, each streamed in chunks, so no more than one chunk of readings is ever held here.
        var channels = InfluxQlResponse.ReadChannels(await PostQueryAsync(InfluxQl.ShowSeries(query), cancellationToken).ConfigureAwait(false));
        long? remaining = query.Limit;
        foreach (var channel in channels)
        {
            await foreach (var chunk in PostChunkedQueryAsync(InfluxQl.SelectChannelReadings(query, channel, remaining), cancellationToken).ConfigureAwait(false))
            {
                foreach (var reading in InfluxQlResponse.ReadReadings(chunk.Span))
                {
                    yield return reading;
                    if (--remaining == 0)
                    {
                        yield break;
                    }
                }
            }
        }
    }

    /// <summary>
    /// Count, sum, minimum, maximum, last value and mean are computed by InfluxDB, in buckets that follow the time
    /// zone's offsets (<see cref="TimeGrouping"/>), merged here into calendar windows. Percentiles are computed here
    /// from the readings: InfluxQL's <c>PERCENTILE</c> takes the nearest rank, not the contract's interpolation.
    /// </summary>
    public IAsyncEnumerable<AggregatedWindow> AggregateAsync(AggregateQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.Aggregates.Any(aggregate => aggregate.Function == AggregateFunction.Percentile)
            ? WindowAggregator.AggregateAsync(QueryAsync(query.Selection with { Limit = null }, cancellationToken), query, cancellationToken)
            : AggregateOnServerAsync(query, cancellationToken);
    }

    /// <summary>Waits for a write in progress, then closes the connections.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // The gate stays undisposed: writers still queued on it must wake up to find the store closed.
        await _writeGate.WaitAsync().ConfigureAwait(false);
        _writeGate.Release();
        _client?.Dispose();
        _http.Dispose();
    }

    private void WriteLines(IReadOnlyList<Reading> readings)
    {
        _lines.ResetWrittenCount();
        _requestEnds.Clear();
        for (var index = 0; index < readings.Count; index++)
        {
            var reading = readings[index];
            LineProtocol.Write(_lines, reading, _deviceTags(reading.DeviceId));
            if ((index + 1) % _batchSize == 0 || index == readings.Count - 1)
            {
                _requestEnds.Add(_lines.WrittenCount);
            }
        }
    }

    /// <summary>Sends the lines written into the buffer, in the requests <see cref="_requestEnds"/> marks, in order.</summary>
    private async Task SendLinesAsync(CancellationToken cancellationToken)
    {
        var start = 0;
        foreach (var end in _requestEnds)
        {
            // Without the last line feed: the V2 client joins lines with one of its own.
            await WriteRequestAsync(_lines.WrittenMemory[start..(end - 1)], cancellationToken).ConfigureAwait(false);
            start = end;
        }
    }

    private async IAsyncEnumerable<AggregatedWindow> AggregateOnServerAsync(
        AggregateQuery query,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var selection = query.Selection;
        ArgumentOutOfRangeException.ThrowIfNegative(selection.Limit ?? 0, nameof(query));
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (selection.Limit == 0 || selection.From >= selection.To)
        {
            yield break;
        }

        // Changes of offset are looked for between the first and the last reading only: an open range would hold
        // hundreds of them, each a request.
        var ends = await Task.WhenAll(
            PostQueryAsync(InfluxQl.SelectFirst(selection), cancellationToken),
            PostQueryAsync(InfluxQl.SelectLast(selection), cancellationToken)).ConfigureAwait(false);
        var first = InfluxQlResponse.ReadTimes(ends[0]);
        var last = InfluxQlResponse.ReadTimes(ends[1]);
        if (first.Count == 0 || last.Count == 0)
        {
            yield break;
        }

        var windows = new CalendarWindows(query.Window, query.TimeZone);
        var columns = BucketColumnsExtensions.For(query.Aggregates);
        var buckets = new List<BucketStatistics>();
        foreach (var grouping in TimeGrouping.Cover(windows, first.Min(), last.Max() + 1))
        {
            var json = await PostQueryAsync(InfluxQl.SelectBucketStatistics(selection, grouping, columns), cancellationToken).ConfigureAwait(false);
            buckets.AddRange(InfluxQlResponse.ReadBucketStatistics(json, grouping, columns));
        }

        buckets.Sort(static (left, right) => ChannelOrder.Compare(left, right));
        var merged = BucketMerger.Merge(buckets, windows, query.Aggregates);
        foreach (var window in selection.Limit is { } limit ? merged.Take(limit) : merged)
        {
            yield return window;
        }
    }

    /// <summary>Asks one InfluxQL statement and returns the JSON answer, times in nanoseconds since the Unix epoch.</summary>
    private async Task<byte[]> PostQueryAsync(string statement, CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent([.. _queryTarget, new("epoch", "ns"), new("q", statement)]);
        using var response = await PostAsync("query", form, "query", cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Asks one InfluxQL statement for a chunked answer (<c>chunk_size</c> rows a chunk) and yields each chunk's JSON as
    /// it arrives. A server that does not chunk answers with a single document, which is then the only chunk.
    /// </summary>
    private async IAsyncEnumerable<ReadOnlyMemory<byte>> PostChunkedQueryAsync(string statement, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(
            [.. _queryTarget, new("epoch", "ns"), new("chunked", "true"), new("chunk_size", QueryChunkRows), new("q", statement)]);
        using var response = await PostAsync("query", form, "query", cancellationToken, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            // Chunks end with a line feed; a line feed inside a chunk's JSON is always escaped.
            var buffer = new byte[64 * 1024];
            var filled = 0;
            var scanned = 0;
            while (true)
            {
                if (filled == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                var read = await body.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    if (filled > 0)
                    {
                        yield return buffer.AsMemory(0, filled);
                    }

                    yield break;
                }

                filled += read;
                var consumed = 0;
                int end;
                while ((end = Array.IndexOf(buffer, (byte)'\n', scanned, filled - scanned)) >= 0)
                {
                    if (end > consumed)
                    {
                        yield return buffer.AsMemory(consumed, end - consumed);
                    }

                    consumed = end + 1;
                    scanned = consumed;
                }

                scanned = filled;
                if (consumed > 0)
                {
                    buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                    filled -= consumed;
                    scanned -= consumed;
                }
            }
        }
    }

    private async Task WriteRequestAsync(ReadOnlyMemory<byte> lines, CancellationToken cancellationToken)
    {
        if (_writeApi is not null)
        {
            try
            {
                await _writeApi.WriteRecordAsync(Encoding.UTF8.GetString(lines.Span), WritePrecision.Ns, _bucket, _organization, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (HttpException error)
            {
                // One exception type for every endpoint, so callers need not know the client; a cancellation stays one.
                cancellationToken.ThrowIfCancellationRequested();
                if (error.InnerException is OperationCanceledException)
                {
                    throw TimedOut("write", error);
                }

                throw new HttpRequestException(
                    $"The write to InfluxDB failed{(error.Status == 0 ? "" : $" with {error.Status}")}: {error.Message}",
                    error,
                    error.Status == 0 ? null : (HttpStatusCode)error.Status);
            }

            return;
        }

        using var content = new LineProtocolContent(lines, _gzip);
        using var response = await PostAsync(_v1WritePath, content, "write", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Posts and returns the successful response; any failure but the caller's cancellation is an <see cref="HttpRequestException"/>.</summary>
    private async Task<HttpResponseMessage> PostAsync(
        string path,
        HttpContent content,
        string request,
        CancellationToken cancellationToken,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        HttpResponseMessage response;
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
            response = await _http.SendAsync(message, completion, cancellationToken).ConfigureAwait(false);
        }
        catch (TaskCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            throw TimedOut(request, error);
        }

        try
        {
            await EnsureSuccessAsync(response, request, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private HttpRequestException TimedOut(string request, Exception error) =>
        new($"The {request} to InfluxDB timed out after {_http.Timeout.TotalSeconds} s.", error);

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string request, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        throw new HttpRequestException(
            $"InfluxDB refused the {request} with {(int)response.StatusCode} {response.ReasonPhrase}: {body[..Math.Min(body.Length, MaxErrorBodyChars)]}",
            null,
            response.StatusCode);
    }
}
