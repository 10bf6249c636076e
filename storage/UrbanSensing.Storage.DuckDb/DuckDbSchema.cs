using DuckDB.NET.Data;

namespace UrbanSensing.Storage.DuckDb;

/// <summary>The tables of the store, created when absent so a new file is ready on first open.</summary>
internal static class DuckDbSchema
{
    private const string CreateSql = """
        CREATE TABLE IF NOT EXISTS readings (
            device_id VARCHAR NOT NULL,
            sensor VARCHAR NOT NULL,
            quantity VARCHAR NOT NULL,
            unit VARCHAR NOT NULL,
            time TIMESTAMPTZ NOT NULL,
            value DOUBLE NOT NULL,
            sequence BIGINT,
            PRIMARY KEY (device_id, sensor, quantity, time)
        );
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
        CREATE TABLE IF NOT EXISTS devices (
            device_id VARCHAR PRIMARY KEY,
            site VARCHAR,
            latitude DOUBLE,
            longitude DOUBLE,
            state VARCHAR NOT NULL CHECK (state IN ('online', 'offline')),
            status_received_at TIMESTAMPTZ NOT NULL
        );
        """;

    public static async Task CreateAsync(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = CreateSql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

        // Checkpointed at once, so the schema is in the file itself: DuckDB 1.5 fails to replay a write-ahead log
        // that still holds the CREATE statements after a SIGKILL ("GetDefaultDatabase with no default database set").
        command.CommandText = "CHECKPOINT";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
