using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using ElementFlow.Core.Diagnostics;
using ElementFlow.Sources;
using ElementFlow.Spatial;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;

namespace ElementFlow.IO.Layers;

/// <summary>
/// Reads a GeoJSON FeatureCollection as a stream, one Feature at a time with the NTS System.Text.Json
/// converters, so memory holds the features built, never the file text.
/// </summary>
public static partial class GeoJsonLayerReader
{
    /// <summary>The initial read buffer; it grows only when a single feature is larger.</summary>
    public const int DefaultBufferSize = 1 << 16;

    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new GeoJsonConverterFactory(GeometryServices.Factory, false, "id") },
        MaxDepth = 64,
    };

    [GeneratedRegex(@"EPSG:{1,2}(?<code>\d+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex EpsgCode();

    public static LayerReadResult Read(Stream stream, LayerRequest request) => Read(stream, request, DefaultBufferSize);

    /// <param name="bufferSize">The initial buffer size in bytes (tests use a small one to cross buffer edges).</param>
    public static LayerReadResult Read(Stream stream, LayerRequest request, int bufferSize)
    {
        using var sink = new Sink(request);
        try
        {
            new GeoJsonFeatureStream(stream, Options, bufferSize).Run(sink);
            sink.Finish();
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or NotSupportedException or FormatException)
        {
            var detail = e is JsonException j && j.LineNumber is { } line
                ? $"{FirstSentence(e.Message)} (line {line + 1})"
                : FirstSentence(e.Message);
            return LayerReadResult.Unreadable(request, detail);
        }

        if (sink.Type is not null && sink.Type != "FeatureCollection") return LayerReadResult.Unreadable(request, "not a GeoJSON FeatureCollection");
        return sink.Builder.Build(sink.Diagnostics);
    }


    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..(cut + 1)] : message;
    }

    /// <summary>
    /// Hands features to the builder in batches on a second thread, so that parsing the next batch and
    /// building the last one overlap; checks a legacy <c>crs</c> member.
    /// </summary>
    private sealed class Sink : GeoJsonFeatureStream.ISink, IDisposable
    {
        private const int BatchSize = 4096;
        private readonly LayerRequest _request;
        private readonly BlockingCollection<List<(IFeature Feature, int Line)>> _batches = new(boundedCapacity: 2);
        private readonly Task _consumer;
        private List<(IFeature Feature, int Line)> _batch = new(BatchSize);
        private long _scanned;
        private int _added;
        private Exception? _failure;

        public Sink(LayerRequest request)
        {
            _request = request;
            Builder = new FeatureBuilder(request);
            _consumer = Task.Run(() =>
            {
                foreach (var batch in _batches.GetConsumingEnumerable())
                {
                    // After a failure keep taking batches unread: the reader must never block on a full queue.
                    if (_failure is not null) continue;
                    try
                    {
                        foreach (var (feature, line) in batch) Add(feature, line);
                    }
                    catch (Exception e)
                    {
                        _failure = e;
                    }
                }
            });
        }

        public FeatureBuilder Builder { get; }
        public List<Diagnostic> Diagnostics { get; } = [];
        public string? Type { get; private set; }

        void GeoJsonFeatureStream.ISink.Type(string? type) => Type = type ?? "";

        /// <summary>A GeoJSON file may still carry the 2008 <c>crs</c> member; when it names another EPSG code than the plan's, say so.</summary>
        void GeoJsonFeatureStream.ISink.Crs(JsonElement crs)
        {
            if (crs.ValueKind != JsonValueKind.Object
                || !crs.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object
                || !properties.TryGetProperty("name", out var nameElement) || nameElement.ValueKind != JsonValueKind.String)
            {
                return;
            }

            var name = nameElement.GetString()!;
            var code = EpsgCode().Match(name) is { Success: true } c ? int.Parse(c.Groups["code"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
            if (code == 0 && name.Contains("CRS84", StringComparison.OrdinalIgnoreCase)) code = 4326;
            if (code != 0 && code != _request.PlanCrs.Epsg)
            {
                Diagnostics.Add(Diagnostic.Error("layer.crs-mismatch", _request.ShownPath, null, null,
                    ("role", _request.Role.Name), ("layer_crs", $"EPSG:{code}"), ("plan_crs", _request.PlanCrs.Text)));
            }
        }

        bool GeoJsonFeatureStream.ISink.IsIdField(string name) => Builder.IsIdField(name);

        /// <summary>
        /// Refuses a geometry over the vertex limit before it is built. Past the feature limit, features are
        /// only counted (skipped unread), so the refusal can say how many there are.
        /// </summary>
        bool GeoJsonFeatureStream.ISink.Admit(in FeatureScan scan)
        {
            var ordinal = ++_scanned;
            if (ordinal > Builder.Limits.MaxFeatures) return false;
            if (scan.Positions > Builder.Limits.MaxVertices) throw Builder.TooManyVertices(Builder.IdOf(scan.NativeId, scan.IdProperties, null, ordinal), scan.Positions);
            return true;
        }

        void GeoJsonFeatureStream.ISink.Feature(IFeature? feature, int line)
        {
            if (feature is null) return;
            _batch.Add((feature, line));
            if (_batch.Count < BatchSize) return;
            _batches.Add(_batch);
            _batch = new List<(IFeature, int)>(BatchSize);
        }

        /// <summary>Waits until every feature read is in the builder.</summary>
        /// <exception cref="InputLimitException">The layer has more features than the limit.</exception>
        public void Finish()
        {
            if (_scanned > Builder.Limits.MaxFeatures) throw Builder.TooManyFeatures(_scanned);
            _batches.Add(_batch);
            _batches.CompleteAdding();
            _consumer.GetAwaiter().GetResult();
            if (_failure is { } failure) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        private void Add(IFeature feature, int line)
        {
            _added++;
            try
            {
                var attributes = feature.Attributes is { } table
                    ? table.GetNames().Select(n => new KeyValuePair<string, object?>(n, table[n])).ToList()
                    : [];
                Builder.Add((feature as IUnique)?.Id, feature.Geometry, attributes, line: line);
            }
            catch (InvalidOperationException e) when (e.InnerException is System.Text.DecoderFallbackException)
            {
                // Attribute text is decoded only when read; bytes that are not UTF-8 (GBK, Latin-1) fail here.
                throw new JsonException($"feature {_added}: its properties hold text that is not valid UTF-8; GeoJSON must be UTF-8 (was the file saved as GBK?)", e);
            }
        }

        /// <summary>After a parse error: stop the builder thread without waiting for features nobody will use.</summary>
        public void Dispose()
        {
            if (!_batches.IsAddingCompleted) _batches.CompleteAdding();
            _consumer.GetAwaiter().GetResult();
            _batches.Dispose();
        }
    }
}
