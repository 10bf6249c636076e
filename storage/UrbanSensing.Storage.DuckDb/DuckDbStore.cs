using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Data.Common;
using System.Runtime.CompilerServices;
using DuckDB.NET.Data;
using UrbanSensing.Protocol;
using UrbanSensing.Storage.Aggregation;

namespace UrbanSensing.Storage.DuckDb;

/// <summary>Readings, dead letters and device status in one DuckDB file.</summary>
/// <remarks>
/// A DuckDB connection must not be shared between threads, but DuckDB.NET backs every connection to the same
/// path in a process with one shared database instance (and closes the instance with its last connection).
/// So every operation opens its own connection, which is cheap, and the store holds one more for its lifetime
/// so the file is opened once rather than per operation. Reads run side by side on their own snapshots.
/// Writes are serialised: two open transactions that insert the same key conflict, and the second commit
/// fails with a constraint violation even under INSERT OR IGNORE, which is what two redelivered batches of one
/// reading would do. DuckDB.NET's async ADO.NET methods and disposal run synchronously, hence plain using.
/// </remarks>
public sealed class DuckDbStore : IReadingStore, IReadingFileExporter, IDeadLetterStore, IDeviceDirectory, IAnalyticsEventStore, IAsyncDisposable
{
    private const string StagingTable = "staging_readings";

    // A batch whose times lie further apart than this (a device sending its backlog among live readings) is compared
    // with the stored readings span by span, so a late reading does not make a write scan everything in between.
    private static readonly TimeSpan MaxComparedSpan = TimeSpan.FromHours(1);

    private const string CreateStagingSql = $"""
        CREATE TEMP TABLE {StagingTable} (
            channel INTEGER,
            time TIMESTAMPTZ,
            value DOUBLE,
            sequence BIGINT,
            flags INTEGER
        )
        """;

    // Only stored readings within the staged span are compared: DuckDB skips every row group whose time range lies
    // outside it, so the cost follows the batch, not the size of the file.
    private const string MoveStagedSql = $"""
        INSERT INTO readings (channel, time, value, sequence, flags)
        SELECT staged.channel, staged.time, staged.value, staged.sequence, staged.flags
        FROM {StagingTable} AS staged
        ANTI JOIN (SELECT channel, time FROM readings WHERE time BETWEEN $from AND $to) AS stored
            ON staged.channel = stored.channel AND staged.time = stored.time
        WHERE staged.time BETWEEN $from AND $to
        """;

    private const string FlagStagingTable = "staging_flags";

    private const string CreateFlagStagingSql = $"""
        CREATE TEMP TABLE {FlagStagingTable} (
            channel INTEGER,
            time TIMESTAMPTZ,
            flags INTEGER
        )
        """;

    // As when appending, only stored readings within the staged span are compared, so DuckDB skips the row groups
    // outside it. The staged flags hold only the owned bits; $kept masks every other bit of the stored flags.
    private const string SetStagedFlagsSql = $"""
        UPDATE readings
        SET flags = (readings.flags & $kept) | staged.flags
        FROM {FlagStagingTable} AS staged
        WHERE readings.channel = staged.channel AND readings.time = staged.time
          AND readings.time BETWEEN $from AND $to AND staged.time BETWEEN $from AND $to
        """;

    private const string QuerySql = """
        SELECT device_id, sensor, quantity, unit, time, value, sequence, flags
        FROM labelled_readings
        WHERE time >= $from AND time < $to
          AND (len($devices) = 0 OR list_contains($devices, device_id))
          AND (len($quantities) = 0 OR list_contains($quantities, quantity))
          AND (NOT $exclude_flagged OR flags = 0)
        ORDER BY device_id, sensor, quantity, time
        LIMIT $limit
        """;

    // As top-N queries rather than min and max, which scan every selected row: DuckDB skips row groups by their statistics.
    private const string SpanSql = """
        SELECT
            (SELECT time FROM readings WHERE time >= $from AND time < $to ORDER BY time LIMIT 1),
            (SELECT time FROM readings WHERE time >= $from AND time < $to ORDER BY time DESC LIMIT 1)
        """;

    private const string InsertDeadLetterSql = """
        INSERT INTO dead_letters (received_at, topic, device_id, kind, reason, payload, content_type)
        VALUES ($received_at, $topic, $device_id, $kind, $reason, $payload, $content_type)
        """;

    private const string ListDeadLettersSql = """
        SELECT id, received_at, topic, device_id, kind, reason, payload, content_type
        FROM dead_letters
        ORDER BY received_at DESC, id DESC
        LIMIT $limit
        """;

    private const string GetDeadLettersSql = """
        SELECT id, received_at, topic, device_id, kind, reason, payload, content_type
        FROM dead_letters
        WHERE list_contains($ids, id)
        ORDER BY id
        """;

    // An event raised again (the analytics restarted and saw the same day or level) keeps its first wording and time raised.
    private const string InsertEventSql = """
        INSERT INTO events (time, kind, subject, message, value, raised_at)
        VALUES ($time, $kind, $subject, $message, $value, $raised_at)
        ON CONFLICT DO NOTHING
        """;

    private const string ListEventsSql = """
        SELECT time, kind, subject, message, value, raised_at
        FROM events
        WHERE time >= $from AND time < $to AND (len($kinds) = 0 OR list_contains($kinds, kind))
        ORDER BY time DESC, kind, subject
        LIMIT $limit
        """;

    private const string DeleteDeadLetterSql = "DELETE FROM dead_letters WHERE id = $id";

    private const string CountDeadLettersSql = "SELECT kind, count(*) FROM dead_letters GROUP BY kind ORDER BY kind";

    // A status that omits the location (a last will often does) keeps the one the device announced before.
    private const string UpsertStatusSql = """
        INSERT INTO devices (device_id, site, latitude, longitude, state, status_received_at)
        VALUES ($device_id, $site, $latitude, $longitude, $state, $received_at)
        ON CONFLICT (device_id) DO UPDATE SET
            site = coalesce(excluded.site, site),
            latitude = coalesce(excluded.latitude, latitude),
            longitude = coalesce(excluded.longitude, longitude),
            state = excluded.state,
            status_received_at = excluded.status_received_at
        """;

    private const string ListDevicesSql = """
        WITH seen AS (
            SELECT c.device_id, max(r.last_seen) AS last_seen
            FROM (SELECT channel, max(time) AS last_seen FROM readings GROUP BY channel) AS r
            JOIN channels AS c USING (channel)
            GROUP BY c.device_id
        )
        SELECT coalesce(d.device_id, s.device_id) AS id, d.site, d.latitude, d.longitude, d.state, s.last_seen
        FROM devices AS d
        FULL OUTER JOIN seen AS s ON d.device_id = s.device_id
        ORDER BY id
        """;

    private readonly string _connectionString;
    private readonly DuckDBConnection _keepAlive;
    private readonly ChannelCatalogue _channels;

    // Used only under the write gate.
    private readonly StagedTimes _staged = new();
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private int _disposed;

    private DuckDbStore(string connectionString, DuckDBConnection keepAlive, ChannelCatalogue channels)
    {
        _connectionString = connectionString;
        _keepAlive = keepAlive;
        _channels = channels;
    }

    /// <summary>Opens the file named by the options, creating it, its folder and the schema when missing.</summary>
    /// <exception cref="ValidationException">The options are invalid.</exception>
    public static async Task<DuckDbStore> OpenAsync(DuckDbStoreOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);

        // DuckDB.NET shares a database instance between connections by data source string, so it must be canonical.
        var path = Path.GetFullPath(options.Path);
        if (Path.GetDirectoryName(path) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var connectionString = new DuckDBConnectionStringBuilder { DataSource = path }.ConnectionString;
        var keepAlive = new DuckDBConnection(connectionString);
        try
        {
            await keepAlive.OpenAsync(cancellationToken).ConfigureAwait(false);
            using (var limit = CreateCommand(keepAlive, $"SET memory_limit = '{options.MemoryLimit}'"))
            {
                await limit.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await DuckDbSchema.CreateAsync(keepAlive, cancellationToken).ConfigureAwait(false);
            var channels = await ChannelCatalogue.LoadAsync(keepAlive, cancellationToken).ConfigureAwait(false);
            return new DuckDbStore(connectionString, keepAlive, channels);
        }
        catch
        {
            await keepAlive.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public Task AppendAsync(IReadOnlyList<Reading> readings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(readings);
        return readings.Count == 0
            ? Task.CompletedTask
            : WriteAsync(readings, AppendBatchAsync, cancellationToken);
    }

    /// <summary>
    /// Stages the updates of channels the file holds with the appender, then sets the flags of the stored readings they
    /// name in one <c>UPDATE … FROM</c> per span of time, like <see cref="AppendAsync"/>, in one transaction: all or
    /// nothing. Serialised with the other writes, so an append of the same reading comes wholly before or after.
    /// </summary>
    public async Task<int> SetQualityFlagsAsync(IReadOnlyList<QualityFlagUpdate> updates, QualityFlags owned, CancellationToken cancellationToken = default)
    {
        QualityFlagUpdates.ThrowIfInvalid(updates, owned);
        var matched = 0;
        if (updates.Count > 0)
        {
            await WriteAsync(
                (Updates: updates, Owned: owned),
                async (connection, batch, token) => matched = await SetFlagsAsync(connection, batch.Updates, batch.Owned, token).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }

        return matched;
    }

    public async IAsyncEnumerable<Reading> QueryAsync(
        ReadingQuery query,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Limit ?? 0, nameof(query));

        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = CreateCommand(
            connection,
            QuerySql,
            new DuckDBParameter("from", query.From),
            new DuckDBParameter("to", query.To),
            new DuckDBParameter("devices", query.DeviceIds.ToArray()),
            new DuckDBParameter("quantities", query.Quantities.Select(quantity => quantity.Name).ToArray()),
            new DuckDBParameter("exclude_flagged", query.ExcludeFlagged),
            new DuckDBParameter("limit", query.Limit));
        command.UseStreamingMode = true;

        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return ReadReading(reader);
        }
    }

    /// <summary>
    /// DuckDB's <c>COPY</c> writes the file itself, from its own vectors: millions of rows a second, where reading
    /// them out one by one manages under one. Every literal is one this method formats or escapes.
    /// </summary>
    public async Task ExportAsync(ReadingQuery query, ReadingFileExport layout, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using (var setup = CreateCommand(connection, "SET TimeZone = 'UTC'; CREATE TEMP TABLE export_places (device_id VARCHAR, site VARCHAR, district VARCHAR, lcz VARCHAR)"))
        {
            await setup.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        using (var appender = connection.CreateAppender("export_places"))
        {
            foreach (var place in layout.Places)
            {
                appender.CreateRow().AppendValue(place.DeviceId).AppendValue(place.Site).AppendValue(place.District).AppendValue(place.Lcz).EndRow();
            }
        }

        using var copy = CreateCommand(connection, ExportSql(query, layout, path));
        await copy.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Aggregates in DuckDB: each reading's window is computed from the UTC offsets of the selected span, not by
    /// converting it through the time zone (<see cref="LocalWindowPlan"/>), and the windows stream out in order.
    /// </summary>
    public async IAsyncEnumerable<AggregatedWindow> AggregateAsync(
        AggregateQuery query,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Selection.Limit ?? 0, nameof(query));
        if (query.Aggregates.Count == 0)
        {
            throw new ArgumentException("An aggregation needs at least one aggregate.", nameof(query));
        }

        var selection = query.Selection;
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

        // The windows are planned over the readings' own span: a query's bounds may be the ends of time.
        DateTimeOffset first, last;
        using (var span = CreateCommand(connection, SpanSql, new DuckDBParameter("from", selection.From), new DuckDBParameter("to", selection.To)))
        using (var reader = await span.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false) || reader.IsDBNull(0))
            {
                yield break;
            }

            (first, last) = (reader.GetFieldValue<DateTimeOffset>(0), reader.GetFieldValue<DateTimeOffset>(1));
        }

        var plan = LocalWindowPlan.Create(new CalendarWindows(query.Window, query.TimeZone), first, last);
        var selectsChannels = selection.DeviceIds.Count > 0 || selection.Quantities.Count > 0;
        using var command = CreateCommand(
            connection,
            AggregationSql.Build(plan, query.Aggregates, selectsChannels, selection.ExcludeFlagged),
            new DuckDBParameter("first", first),
            new DuckDBParameter("last", last),
            new DuckDBParameter("limit", selection.Limit));
        if (selectsChannels)
        {
            command.Parameters.Add(new DuckDBParameter("devices", selection.DeviceIds.ToArray()));
            command.Parameters.Add(new DuckDBParameter("quantities", selection.Quantities.Select(quantity => quantity.Name).ToArray()));
        }

        command.UseStreamingMode = true;

        using var windows = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await windows.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var (deviceId, sensor, quantity) = ReadChannel(windows);
            var (start, end) = plan.Window(windows.GetInt64(4));
            var values = new double[query.Aggregates.Count];
            for (var index = 0; index < values.Length; index++)
            {
                values[index] = windows.GetDouble(AggregationSql.FirstValueOrdinal + index);
            }

            yield return new AggregatedWindow(deviceId, sensor, quantity, start, end, values);
        }
    }

    public Task AddAsync(DeadLetter deadLetter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        return WriteAsync(deadLetter, InsertDeadLetterAsync, cancellationToken);
    }

    public async Task<int> AddAsync(IReadOnlyList<StoredAnalyticsEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var inserted = 0;
        if (events.Count > 0)
        {
            await WriteAsync(
                events,
                async (connection, batch, token) => inserted = await InsertEventsAsync(connection, batch, token).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }

        return inserted;
    }

    public async IAsyncEnumerable<StoredAnalyticsEvent> ListAsync(
        DateTimeOffset rangeStart,
        DateTimeOffset rangeEnd,
        IReadOnlyCollection<string> kinds,
        int limit,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = CreateCommand(
            connection,
            ListEventsSql,
            new DuckDBParameter("from", rangeStart),
            new DuckDBParameter("to", rangeEnd),
            new DuckDBParameter("kinds", kinds.ToArray()),
            new DuckDBParameter("limit", limit));
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new StoredAnalyticsEvent(
                reader.GetFieldValue<DateTimeOffset>(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetDouble(4),
                reader.GetFieldValue<DateTimeOffset>(5));
        }
    }

    public async IAsyncEnumerable<DeadLetter> ListAsync(
        int limit,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);

        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = CreateCommand(connection, ListDeadLettersSql, new DuckDBParameter("limit", limit));
        command.UseStreamingMode = true;

        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return ReadDeadLetter(reader);
        }
    }

    public async Task<IReadOnlyList<DeadLetter>> GetAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = CreateCommand(connection, GetDeadLettersSql, new DuckDBParameter("ids", ids.ToArray()));
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var deadLetters = new List<DeadLetter>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            deadLetters.Add(ReadDeadLetter(reader));
        }

        return deadLetters;
    }

    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken = default)
    {
        var deleted = 0;
        await WriteAsync(
            id,
            async (connection, deadLetterId, token) =>
            {
                using var command = CreateCommand(connection, DeleteDeadLetterSql, new DuckDBParameter("id", deadLetterId));
                deleted = await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        return deleted > 0;
    }

    public async Task<IReadOnlyDictionary<string, long>> CountByKindAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = CreateCommand(connection, CountDeadLettersSql);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    public Task UpdateStatusAsync(
        string deviceId,
        DeviceStatus status,
        DateTimeOffset receivedAt,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(deviceId);
        ArgumentNullException.ThrowIfNull(status);
        return WriteAsync((deviceId, status, receivedAt), UpsertStatusAsync, cancellationToken);
    }

    public async Task<IReadOnlyList<DeviceSummary>> ListDevicesAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

        // Grouping readings by channel while ingestion appends new channels once failed with "Perfect hash aggregate:
        // aggregate group 162 exceeded total groups 4 ... statistics ... corrupt" (DuckDB sized the table from
        // statistics older than the rows it scanned). This session aggregates with an ordinary hash table instead.
        using (var setting = CreateCommand(connection, "SET perfect_ht_threshold = 0"))
        {
            await setting.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        using var command = CreateCommand(connection, ListDevicesSql);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);

        var devices = new List<DeviceSummary>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            devices.Add(new DeviceSummary(
                reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetDouble(2),
                reader.IsDBNull(3) ? null : reader.GetDouble(3),
                reader.IsDBNull(4) ? null : ParseState(reader.GetString(4)),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return devices;
    }

    /// <summary>Waits for a write in progress, then closes the file once no operation still uses it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // The gate stays undisposed: writers still queued on it must wake up to find the store closed.
        await _writeGate.WaitAsync().ConfigureAwait(false);
        _writeGate.Release();
        await _keepAlive.DisposeAsync().ConfigureAwait(false);
    }

    private async Task WriteAsync<TState>(
        TState state,
        Func<DuckDBConnection, TState, CancellationToken, Task> write,
        CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await write(connection, state, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task AppendBatchAsync(
        DuckDBConnection connection,
        IReadOnlyList<Reading> readings,
        CancellationToken cancellationToken)
    {
        // The staging table lives in this connection's temporary catalog, so concurrent appends never share it;
        // created inside the transaction, it and everything appended to it vanish on rollback.
        using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        using (var create = CreateCommand(connection, CreateStagingSql))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var channels = _channels.BeginAssignment();
        var staged = _staged;
        staged.Clear();
        using (var appender = connection.CreateAppender(StagingTable))
        {
            for (var position = 0; position < readings.Count; position++)
            {
                var reading = readings[position];
                var channel = channels.IdOf(reading, position);

                // Within a batch the first reading of a key wins, just as a stored reading wins over a redelivered one.
                if (staged.TryAdd(channel, reading.Timestamp))
                {
                    appender.CreateRow()
                        .AppendValue(channel)
                        .AppendValue(reading.Timestamp)
                        .AppendValue(reading.Value)
                        .AppendValue(reading.Sequence)
                        .AppendValue((int)reading.Flags)
                        .EndRow();
                }
            }

            appender.Close();
        }

        if (channels.NewChannels.Count > 0)
        {
            using var appender = connection.CreateAppender("channels");
            foreach (var added in channels.NewChannels)
            {
                appender.CreateRow()
                    .AppendValue(added.Id)
                    .AppendValue(added.Key.DeviceId)
                    .AppendValue(added.Key.Sensor)
                    .AppendValue(added.Key.Quantity)
                    .AppendValue(added.Unit)
                    .EndRow();
            }

            appender.Close();
        }

        foreach (var (from, to) in staged.Spans(MaxComparedSpan))
        {
            using var move = CreateCommand(connection, MoveStagedSql, new DuckDBParameter("from", from), new DuckDBParameter("to", to));
            await move.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // DuckDB makes a commit durable in its write-ahead log before COMMIT returns.
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        channels.Accept();
    }

    private async Task<int> SetFlagsAsync(
        DuckDBConnection connection,
        IReadOnlyList<QualityFlagUpdate> updates,
        QualityFlags owned,
        CancellationToken cancellationToken)
    {
        using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        using (var create = CreateCommand(connection, CreateFlagStagingSql))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var staged = _staged;
        staged.Clear();
        using (var appender = connection.CreateAppender(FlagStagingTable))
        {
            foreach (var update in updates)
            {
                // A channel the file does not know has no reading to update.
                if (_channels.TryGetId(update.DeviceId, update.Sensor, update.Quantity.Name, out var channel)
                    && staged.TryAdd(channel, update.Timestamp))
                {
                    appender.CreateRow()
                        .AppendValue(channel)
                        .AppendValue(update.Timestamp)
                        .AppendValue((int)(update.Flags & owned))
                        .EndRow();
                }
            }

            appender.Close();
        }

        var matched = 0;
        foreach (var (from, to) in staged.Spans(MaxComparedSpan))
        {
            using var set = CreateCommand(
                connection,
                SetStagedFlagsSql,
                new DuckDBParameter("kept", (int)~owned),
                new DuckDBParameter("from", from),
                new DuckDBParameter("to", to));
            matched += await set.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return matched;
    }

    private static async Task InsertDeadLetterAsync(
        DuckDBConnection connection,
        DeadLetter deadLetter,
        CancellationToken cancellationToken)
    {
        using var command = CreateCommand(
            connection,
            InsertDeadLetterSql,
            new DuckDBParameter("received_at", deadLetter.ReceivedAt),
            new DuckDBParameter("topic", deadLetter.Topic),
            new DuckDBParameter("device_id", deadLetter.DeviceId),
            new DuckDBParameter("kind", deadLetter.Kind),
            new DuckDBParameter("reason", deadLetter.Reason),
            new DuckDBParameter("payload", deadLetter.Payload.ToArray()),
            new DuckDBParameter("content_type", deadLetter.ContentType));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task UpsertStatusAsync(
        DuckDBConnection connection,
        (string DeviceId, DeviceStatus Status, DateTimeOffset ReceivedAt) update,
        CancellationToken cancellationToken)
    {
        using var command = CreateCommand(
            connection,
            UpsertStatusSql,
            new DuckDBParameter("device_id", update.DeviceId),
            new DuckDBParameter("site", update.Status.Site),
            new DuckDBParameter("latitude", update.Status.Latitude),
            new DuckDBParameter("longitude", update.Status.Longitude),
            new DuckDBParameter("state", StateText(update.Status.State)),
            new DuckDBParameter("received_at", update.ReceivedAt));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<DuckDBConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var connection = new DuckDBConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return connection;
    }

    private static string ExportSql(ReadingQuery query, ReadingFileExport layout, string path)
    {
        var filters = new List<string>
        {
            $"r.time >= {Literal(query.From)}",
            $"r.time < {Literal(query.To)}",
        };
        if (query.DeviceIds.Count > 0)
        {
            filters.Add($"r.device_id IN ({string.Join(", ", query.DeviceIds.Select(Literal))})");
        }

        if (query.Quantities.Count > 0)
        {
            filters.Add($"r.quantity IN ({string.Join(", ", query.Quantities.Select(quantity => Literal(quantity.Name)))})");
        }

        if (query.ExcludeFlagged)
        {
            filters.Add("r.flags = 0");
        }

        var flagNames = layout.FlagNames.Count == 0
            ? "NULL"
            : $"concat_ws('|', {string.Join(", ", layout.FlagNames.Select(flag => string.Create(CultureInfo.InvariantCulture, $"CASE WHEN r.flags & {flag.Key} <> 0 THEN {Literal(flag.Value)} END")))})";
        var (time, options) = layout.Format == ReadingFileFormat.Parquet
            ? ("r.time", "FORMAT PARQUET, COMPRESSION SNAPPY")
            : ("strftime(timezone('UTC', r.time), '%Y-%m-%dT%H:%M:%S.%fZ')", "FORMAT CSV, HEADER, NEW_LINE '\\r\\n'");
        var limit = query.Limit is { } most ? string.Create(CultureInfo.InvariantCulture, $"LIMIT {most}") : string.Empty;
        return $"""
            COPY (
                SELECT r.device_id AS device, r.sensor, r.quantity, r.unit, {time} AS time, r.value, r.sequence,
                       CASE WHEN r.flags = 0 THEN NULL ELSE {flagNames} END AS flags, p.site, p.district, p.lcz
                FROM labelled_readings AS r
                LEFT JOIN export_places AS p USING (device_id)
                WHERE {string.Join(" AND ", filters)}
                {limit}
            ) TO {Literal(path)} ({options})
            """;
    }

    private static string Literal(string text) => $"'{text.Replace("'", "''", StringComparison.Ordinal)}'";

    private static string Literal(DateTimeOffset time) =>
        string.Create(CultureInfo.InvariantCulture, $"TIMESTAMPTZ '{time.UtcDateTime:yyyy-MM-dd HH:mm:ss.ffffff}+00'");

    private static async Task<int> InsertEventsAsync(DuckDBConnection connection, IReadOnlyList<StoredAnalyticsEvent> events, CancellationToken cancellationToken)
    {
        using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var inserted = 0;
        foreach (var stored in events)
        {
            using var command = CreateCommand(
                connection,
                InsertEventSql,
                new DuckDBParameter("time", stored.Time),
                new DuckDBParameter("kind", stored.Kind),
                new DuckDBParameter("subject", stored.Subject),
                new DuckDBParameter("message", stored.Message),
                new DuckDBParameter("value", stored.Value),
                new DuckDBParameter("raised_at", stored.RaisedAt));
            inserted += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return inserted;
    }

    private static DeadLetter ReadDeadLetter(DbDataReader reader) =>
        new(
            reader.GetInt64(0),
            reader.GetFieldValue<DateTimeOffset>(1),
            reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.GetString(4),
            reader.GetString(5),
            ReadBlob(reader, 6),
            reader.IsDBNull(7) ? null : reader.GetString(7));

    private static DuckDBCommand CreateCommand(
        DuckDBConnection connection,
        string sql,
        params ReadOnlySpan<DuckDBParameter> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static Reading ReadReading(DbDataReader reader)
    {
        var (deviceId, sensor, quantity) = ReadChannel(reader);
        return new Reading(
            deviceId,
            sensor,
            quantity,
            reader.GetFieldValue<DateTimeOffset>(4),
            reader.GetDouble(5),
            reader.IsDBNull(6) ? null : reader.GetInt64(6),
            (QualityFlags)reader.GetInt32(7));
    }

    /// <summary>The device, sensor and quantity of a row that begins with device_id, sensor, quantity and unit.</summary>
    private static (string DeviceId, string Sensor, Quantity Quantity) ReadChannel(DbDataReader reader)
    {
        var deviceId = reader.GetString(0);
        var sensor = reader.GetString(1);
        var quantityName = reader.GetString(2);
        var unit = reader.GetString(3);

        if (!Quantities.TryGet(quantityName, out var quantity))
        {
            throw new InvalidOperationException(
                $"The store holds a reading of device '{deviceId}', sensor '{sensor}' with the unknown quantity " +
                $"'{quantityName}'; known quantities are {Quantities.KnownNames}.");
        }

        if (!string.Equals(unit, quantity.Unit, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"The store holds a reading of device '{deviceId}', sensor '{sensor}' in unit '{unit}', " +
                $"but quantity '{quantityName}' is measured in '{quantity.Unit}'.");
        }

        return (deviceId, sensor, quantity);
    }

    private static byte[] ReadBlob(DbDataReader reader, int ordinal)
    {
        // DuckDB.NET hands a BLOB out as a stream over the result's memory, valid only until the next row.
        using var stream = reader.GetStream(ordinal);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    private static string StateText(DeviceState state) => state switch
    {
        DeviceState.Online => "online",
        DeviceState.Offline => "offline",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown device state."),
    };

    private static DeviceState ParseState(string text) => text switch
    {
        "online" => DeviceState.Online,
        "offline" => DeviceState.Offline,
        _ => throw new InvalidOperationException($"The store holds the unknown device state '{text}'."),
    };
}
