using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.IO;
using NetTopologySuite.IO.VectorTiles;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using NetTopologySuite.Simplify;
using Microsoft.Win32.SafeHandles;

namespace ElementFlow.Server.Map;

/// <summary>
/// One review's map, read from <c>map.bin</c>: an R-tree of the features' envelopes and where each geometry lies in
/// the file. A tile reads only the geometries it shows; at small scales features smaller than half a pixel, and past
/// a budget the smallest, are left out unless a finding names them, so a plan of a million parcels still gives small
/// tiles quickly.
/// </summary>
public sealed class PlanMap
{
    private const int TilePixels = 256;

    /// <summary>Most features a tile holds besides those findings name: a few hundred KB, cut in about a tenth of a second.</summary>
    public const int FeatureBudget = 4000;

    private readonly string _path;
    private readonly string[] _layers;
    private readonly string[] _ids;
    private readonly byte[] _layerOf;
    private readonly byte[] _severity;
    private readonly int[] _findings;
    private readonly long[] _offset;
    private readonly int[] _length;
    private readonly Envelope[] _envelope;
    private readonly STRtree<int> _index = new();

    private PlanMap(string path, string[] layers, int count)
    {
        _path = path;
        _layers = layers;
        _ids = new string[count];
        _layerOf = new byte[count];
        _severity = new byte[count];
        _findings = new int[count];
        _offset = new long[count];
        _length = new int[count];
        _envelope = new Envelope[count];
    }

    public int Count => _ids.Length;

    /// <summary>Reads the index of a <c>map.bin</c> (not the geometries).</summary>
    /// <exception cref="InvalidDataException">The file is not a map.</exception>
    public static PlanMap Load(string path)
    {
        using var stream = new BufferedStream(File.OpenRead(path), 1 << 16);
        using var reader = new BinaryReader(stream);
        if (reader.ReadString() != PlanMapWriter.Magic) throw new InvalidDataException($"{path} is not an ElementFlow map");
        var layers = new string[reader.ReadInt32()];
        for (var i = 0; i < layers.Length; i++) layers[i] = reader.ReadString();
        var map = new PlanMap(path, layers, reader.ReadInt32());
        for (var i = 0; i < map.Count; i++)
        {
            map._layerOf[i] = reader.ReadByte();
            map._ids[i] = reader.ReadString();
            map._severity[i] = reader.ReadByte();
            map._findings[i] = reader.ReadInt32();
            double minX = reader.ReadDouble(), minY = reader.ReadDouble(), maxX = reader.ReadDouble(), maxY = reader.ReadDouble();
            map._envelope[i] = new Envelope(minX, maxX, minY, maxY);
            map._length[i] = reader.ReadInt32();
            map._offset[i] = stream.Position;
            stream.Seek(map._length[i], SeekOrigin.Current);
            map._index.Insert(map._envelope[i], i);
        }

        map._index.Build();
        return map;
    }

    /// <summary>The Mapbox vector tile z/x/y (XYZ scheme), one tile layer per plan layer; null when z/x/y is no tile.</summary>
    public byte[]? Tile(int z, int x, int y)
    {
        if (z is < 0 or > 22 || x < 0 || y < 0 || x >= 1 << z || y >= 1 << z) return null;
        var tile = new NetTopologySuite.IO.VectorTiles.Tiles.Tile(x, y, z);
        var width = tile.Right - tile.Left;
        var pixel = width / TilePixels;
        var area = new Envelope(tile.Left, tile.Right, tile.Bottom, tile.Top);
        var clip = area.Copy();
        clip.ExpandBy(width / 64, (tile.Top - tile.Bottom) / 64);
        var clipShape = Geometry.DefaultFactory.ToGeometry(clip);

        var vector = new VectorTile { TileId = tile.Id };
        var layers = new Layer[_layers.Length];
        var hits = Generalise(_index.Query(area), pixel);
        var reader = new WKBReader();
        using var file = File.OpenHandle(_path);
        var buffer = new byte[4096];
        foreach (var i in hits)
        {
            var e = _envelope[i];
            if (buffer.Length < _length[i]) buffer = new byte[_length[i]];
            RandomAccess.Read(file, buffer.AsSpan(0, _length[i]), _offset[i]);
            var geometry = reader.Read(buffer.AsSpan(0, _length[i]).ToArray());
            if (geometry is not IPuntal)
            {
                geometry = DouglasPeuckerSimplifier.Simplify(geometry, pixel / 8);
                if (!clip.Contains(e)) geometry = Clip(geometry, clipShape);
                if (geometry.IsEmpty) continue;
            }

            var attributes = new AttributesTable { { "fid", _ids[i] }, { "severity", (int)_severity[i] }, { "findings", _findings[i] } };
            (layers[_layerOf[i]] ??= new Layer { Name = _layers[_layerOf[i]] }).Features.Add(new Feature(geometry, attributes));
        }

        foreach (var layer in layers.Where(l => l is not null)) vector.Layers.Add(layer);
        using var bytes = new MemoryStream();
        // Features below a pixel were left out above unless a finding names them; those stay, however small.
        vector.Write(bytes, minLinealExtent: 0, minPolygonalExtent: 0);
        return bytes.ToArray();
    }

    /// <summary>
    /// The features a tile shows, in file order (so a layer draws in the plan's order): every feature a finding names;
    /// of the others, those at least half a pixel across, and when that is more than <see cref="FeatureBudget"/>,
    /// the largest that many. A tile over a million parcels then still holds a few thousand features.
    /// </summary>
    private int[] Generalise(IList<int> hits, double pixel)
    {
        var named = new List<int>();
        var visible = new List<int>();
        foreach (var i in hits)
        {
            var e = _envelope[i];
            if (_severity[i] > 0) named.Add(i);
            else if (e.Width >= pixel / 2 || e.Height >= pixel / 2 || (e.Width == 0 && e.Height == 0)) visible.Add(i);
        }

        if (visible.Count > FeatureBudget)
        {
            var sizes = visible.Select(i => -Math.Max(_envelope[i].Width, _envelope[i].Height)).ToArray();
            var ordered = visible.ToArray();
            Array.Sort(sizes, ordered);
            visible = [.. ordered.Take(FeatureBudget)];
        }

        var shown = named.Concat(visible).ToArray();
        Array.Sort(shown);
        return shown;
    }

    private static Geometry Clip(Geometry geometry, Geometry clip)
    {
        try
        {
            return geometry.Intersection(clip);
        }
        catch (TopologyException)
        {
            // An invalid geometry (the checks report it) is drawn whole rather than not at all.
            return geometry;
        }
    }
}
