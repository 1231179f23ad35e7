using System.Collections.Concurrent;
using ElementFlow.Server.Store;
using Microsoft.Extensions.Caching.Memory;

namespace ElementFlow.Server.Map;

/// <summary>
/// The maps of the reviews being looked at, loaded once each and kept while in use, and the tiles cut from them, so
/// fifty reviewers panning one plan cut each tile once. Both caches are bounded: a few maps, 64 MB of tiles.
/// </summary>
public sealed class PlanMaps(DataFolder data) : IDisposable
{
    private readonly MemoryCache _maps = new(new MemoryCacheOptions { SizeLimit = 4 });
    private readonly MemoryCache _tiles = new(new MemoryCacheOptions { SizeLimit = 64L << 20 });
    private readonly ConcurrentDictionary<string, Lazy<PlanMap?>> _loading = new(StringComparer.Ordinal);

    /// <summary>The review's map summary (layers, bounds, bounds of the features findings name) as JSON, or null when it has no map.</summary>
    public string? Summary(string id)
    {
        var path = Path.Combine(data.ReportFolder(id), "map.json");
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    /// <summary>The tile, or null when the review has no map or z/x/y is no tile.</summary>
    public byte[]? Tile(string id, int z, int x, int y)
    {
        var key = (id, z, x, y);
        if (_tiles.TryGetValue(key, out byte[]? cached)) return cached;
        if (Map(id) is not { } map) return null;
        var tile = map.Tile(z, x, y);
        if (tile is not null) _tiles.Set(key, tile, new MemoryCacheEntryOptions { Size = tile.Length + 64 });
        return tile;
    }

    private PlanMap? Map(string id)
    {
        if (_maps.TryGetValue(id, out PlanMap? map)) return map;

        // One load per map however many tile requests ask for it at once.
        var loading = _loading.GetOrAdd(id, key => new Lazy<PlanMap?>(() =>
        {
            var path = Path.Combine(data.ReportFolder(key), "map.bin");
            return File.Exists(path) ? PlanMap.Load(path) : null;
        }));
        try
        {
            map = loading.Value;
            if (map is not null) _maps.Set(id, map, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) });
            return map;
        }
        finally
        {
            _loading.TryRemove(id, out _);
        }
    }

    public void Dispose()
    {
        _maps.Dispose();
        _tiles.Dispose();
    }
}
