using System.Globalization;
using DuckDB.NET.Data;

namespace UrbanSensing.Storage.DuckDb;

/// <summary>
/// The tables of the store, created when absent so a new file is ready on first open, and migrated when the file
/// was written by an earlier layout.
/// </summary>
/// <remarks>
/// Readings refer to their channel (device, sensor, quantity) by a small integer, as time-series engines refer to a
/// series: a row is then four numbers, cheap to append and to compare. Idempotency on (channel, time) is enforced
/// by the writer, not by a primary key: DuckDB keeps every key of a primary-key index in memory, which for a city's
/// readings grows without bound (about 200 bytes per reading).
/// </remarks>
internal static class DuckDbSchema
{
    private const string CreateSql = """
        CREATE TABLE IF NOT EXISTS channels (
            channel INTEGER PRIMARY KEY,
            device_id VARCHAR NOT NULL,
            sensor VARCHAR NOT NULL,
            quantity VARCHAR NOT NULL,
            unit VARCHAR NOT NULL,
            UNIQUE (device_id, sensor, quantity)
        );
        CREATE TABLE IF NOT EXISTS readings (
            channel INTEGER NOT NULL,
            time TIMESTAMPTZ NOT NULL,
            value DOUBLE NOT NULL,
            sequence BIGINT,
            flags INTEGER NOT NULL DEFAULT 0
        );
        CREATE OR REPLACE VIEW labelled_readings AS
            SELECT c.device_id, c.sensor, c.quantity, c.unit, r.time, r.value, r.sequence, r.flags
            FROM readings AS r
            JOIN channels AS c USING (channel);
        CREATE SEQUENCE IF NOT EXISTS dead_letters_id;
        CREATE TABLE IF NOT EXISTS dead_letters (
            id BIGINT PRIMARY KEY DEFAULT nextval('dead_letters_id'),
            received_at TIMESTAMPTZ NOT NULL,
            topic VARCHAR NOT NULL,
            device_id VARCHAR,
            kind VARCHAR NOT NULL,
            reason VARCHAR NOT NULL,
            payload BLOB NOT NULL,
            content_type VARCHAR
        );
        CREATE TABLE IF NOT EXISTS events (
            time TIMESTAMPTZ NOT NULL,
            kind VARCHAR NOT NULL,
            subject VARCHAR NOT NULL,
            message VARCHAR NOT NULL,
            value DOUBLE,
            raised_at TIMESTAMPTZ NOT NULL,
            PRIMARY KEY (time, kind, subject)
        );
        CREATE TABLE IF NOT EXISTS devices (
            device_id VARCHAR PRIMARY KEY,
            site VARCHAR,
            latitude DOUBLE,
            longitude DOUBLE,
            state VARCHAR NOT NULL CHECK (state IN ('online', 'offline')),
            status_received_at TIMESTAMPTZ NOT NULL
        );
        """;

    // The first layout kept device, sensor, quantity and unit in every reading, under a primary key.
    private const string HasFirstLayoutSql = """
        SELECT count(*) FROM duckdb_columns()
        WHERE schema_name = 'main' AND table_name = 'readings' AND column_name = 'device_id'
        """;

    private const string MoveFirstLayoutAsideSql = "ALTER TABLE readings RENAME TO readings_first_layout";

    private const string MigrateFirstLayoutSql = """
        INSERT INTO channels (channel, device_id, sensor, quantity, unit)
        SELECT row_number() OVER (ORDER BY device_id, sensor, quantity), device_id, sensor, quantity, any_value(unit)
        FROM readings_first_layout
        GROUP BY device_id, sensor, quantity;
        INSERT INTO readings (channel, time, value, sequence)
        SELECT c.channel, old.time, old.value, old.sequence
        FROM readings_first_layout AS old
        JOIN channels AS c USING (device_id, sensor, quantity)
        ORDER BY old.time;
        DROP TABLE readings_first_layout;
        """;

    // Files written before quality flags have channel readings without them: they get the column, every reading unflagged.
    private const string LacksFlagsSql = """
        SELECT count(*) FROM duckdb_columns()
        WHERE schema_name = 'main' AND table_name = 'readings' AND column_name = 'channel'
          AND NOT EXISTS (
              SELECT 1 FROM duckdb_columns()
              WHERE schema_name = 'main' AND table_name = 'readings' AND column_name = 'flags')
        """;

    // DuckDB cannot add a column with a constraint in one statement.
    private const string AddFlagsSql = """
        ALTER TABLE readings ADD COLUMN IF NOT EXISTS flags INTEGER DEFAULT 0;
        ALTER TABLE readings ALTER COLUMN flags SET NOT NULL;
        """;

    public static async Task CreateAsync(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = HasFirstLayoutSql;
        var migrate = await CountAsync(command, cancellationToken).ConfigureAwait(false) > 0;
        command.CommandText = LacksFlagsSql;
        var addFlags = await CountAsync(command, cancellationToken).ConfigureAwait(false) > 0;

        using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (migrate)
        {
            command.CommandText = MoveFirstLayoutAsideSql;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (addFlags)
        {
            command.CommandText = AddFlagsSql;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        command.CommandText = CreateSql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        if (migrate)
        {
            command.CommandText = MigrateFirstLayoutSql;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        // Checkpointed at once, so the schema is in the file itself: DuckDB 1.5 fails to replay a write-ahead log
        // that still holds the CREATE statements after a SIGKILL ("GetDefaultDatabase with no default database set").
        command.CommandText = "CHECKPOINT";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<long> CountAsync(DuckDBCommand command, CancellationToken cancellationToken) =>
        Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
}
