using System.Globalization;
using DuckDB.NET.Data;
using UrbanSensing.Protocol;

namespace UrbanSensing.Storage.DuckDb;

/// <summary>
/// The ids of the file's channels (device, sensor, quantity), held in memory: an id is assigned once and never
/// changes, so a write touches the <c>channels</c> table only when it brings a new channel. Writes are serialised
/// by the store, so one <see cref="Assignment"/> at a time is open; its new ids count only once it is accepted.
/// </summary>
internal sealed class ChannelCatalogue
{
    private const string LoadSql = "SELECT channel, device_id, sensor, quantity FROM channels";

    private readonly Dictionary<ChannelKey, int> _ids;
    private int _lastId;

    private ChannelCatalogue(Dictionary<ChannelKey, int> ids)
    {
        _ids = ids;
        _lastId = ids.Count == 0 ? 0 : ids.Values.Max();
    }

    public static async Task<ChannelCatalogue> LoadAsync(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = LoadSql;
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var ids = new Dictionary<ChannelKey, int>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids[new ChannelKey(reader.GetString(1), reader.GetString(2), reader.GetString(3))] = reader.GetInt32(0);
        }

        return new ChannelCatalogue(ids);
    }

    public Assignment BeginAssignment() => new(this);

    /// <summary>The id of a channel the file holds; false when it holds no reading of the channel.</summary>
    public bool TryGetId(string deviceId, string sensor, string quantity, out int id) =>
        _ids.TryGetValue(new ChannelKey(deviceId, sensor, quantity), out id);

    /// <summary>Channel ids for one write; ids of channels it adds stay pending until <see cref="Accept"/>.</summary>
    internal sealed class Assignment(ChannelCatalogue catalogue)
    {
        private readonly Dictionary<ChannelKey, int> _added = [];
        private readonly List<NewChannel> _newChannels = [];

        /// <summary>The channels this write brings, in the order of their ids.</summary>
        public IReadOnlyList<NewChannel> NewChannels => _newChannels;

        /// <exception cref="ArgumentException">The reading has no device id or no sensor.</exception>
        public int IdOf(in Reading reading, int position)
        {
            var key = new ChannelKey(reading.DeviceId, reading.Sensor, reading.Quantity.Name);
            if (catalogue._ids.TryGetValue(key, out var id) || _added.TryGetValue(key, out id))
            {
                return id;
            }

            if (string.IsNullOrEmpty(reading.DeviceId) || string.IsNullOrEmpty(reading.Sensor))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"reading {position} of the batch has no {(string.IsNullOrEmpty(reading.DeviceId) ? "device id" : "sensor")}; nothing of the batch was stored"),
                    nameof(reading));
            }

            id = catalogue._lastId + _added.Count + 1;
            _added.Add(key, id);
            _newChannels.Add(new NewChannel(id, key, reading.Quantity.Unit));
            return id;
        }

        /// <summary>The write that used these ids committed: they are the file's from now on.</summary>
        public void Accept()
        {
            foreach (var (key, id) in _added)
            {
                catalogue._ids.Add(key, id);
            }

            catalogue._lastId += _added.Count;
        }
    }
}

internal readonly record struct ChannelKey(string DeviceId, string Sensor, string Quantity);

internal sealed record NewChannel(int Id, ChannelKey Key, string Unit);
