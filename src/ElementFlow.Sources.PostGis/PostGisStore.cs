using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Text;
using ElementFlow.Spatial;
using NetTopologySuite.Geometries;
using Npgsql;

namespace ElementFlow.Sources.PostGis;

/// <summary>
/// One PostGIS store for a run: the connection settings and a pooled data source that maps geometry to
/// NetTopologySuite on the project's geometry services. A store that could not be reached is remembered, so
/// the other layers of the run say so in one line instead of each waiting for the connect timeout again.
/// </summary>
public sealed class PostGisStore(PostGisConnection connection) : IDisposable
{
    private readonly Lock _gate = new();
    private NpgsqlDataSource? _dataSource;

    public PostGisConnection Connection { get; } = connection;

    /// <summary>The first connection failure of the run, when there was one.</summary>
    internal Unreached? Unreachable { get; private set; }

    internal NpgsqlConnection Open()
    {
        lock (_gate)
        {
            _dataSource ??= Build(Connection.Settings.ConnectionString);
        }

        return _dataSource.OpenConnection();
    }

    /// <summary>The connection failed: names host, port and database and says what to do; later layers refer to it.</summary>
    internal Diagnostic Failed(Exception e, LayerRequest request)
    {
        var detail = e is PostgresException p ? $"{p.SqlState} {p.MessageText}" : e.InnerException?.Message ?? e.Message;
        lock (_gate)
        {
            if (Unreachable is { } earlier) return earlier.ForLayer(request);
            Unreachable = new Unreached(Connection.Shown);
        }

        return Diagnostic.Error("postgis.connection-failed", request.ShownPath, null, null, ("detail", Connection.Unreachable(detail)));
    }

    internal static NpgsqlDataSource Build(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UseNetTopologySuite(
            GeometryServices.Services.DefaultCoordinateSequenceFactory,
            GeometryServices.Services.DefaultPrecisionModel,
            Ordinates.XY);
        return builder.Build();
    }

    public void Dispose() => _dataSource?.Dispose();

    internal sealed record Unreached(string Store)
    {
        public Diagnostic ForLayer(LayerRequest request) =>
            Diagnostic.Error("layer.unreadable", request.ShownPath, null, null, ("role", request.Role.Name), ("file", request.ShownPath),
                ("detail", new LocalizedText($"无法连接数据库 {Store}（见上一条）", $"the database {Store} cannot be reached (see above)")));
    }
}
