using System.Text.Json;
using NetTopologySuite.Features;

namespace ElementFlow.IO.Layers;

/// <summary>
/// Walks a GeoJSON FeatureCollection with a <see cref="Utf8JsonReader"/> over a refilled buffer and hands
/// out one Feature at a time, so a file is never held in memory whole: the buffer only grows to the size
/// of the largest single feature.
/// </summary>
/// <remarks>
/// The reader stops where its buffer ends; it then resumes from the last point where a whole member or
/// feature had been taken (a checkpoint of bytes consumed and reader state), after moving the unread
/// rest to the front of the buffer and reading more from the stream.
/// </remarks>
internal sealed class GeoJsonFeatureStream(Stream stream, JsonSerializerOptions options, int bufferSize)
{
    private byte[] _buffer = new byte[Math.Max(bufferSize, 16)];
    private int _start;
    private int _end;
    private bool _final;
    private JsonReaderState _state = new(new JsonReaderOptions { MaxDepth = options.MaxDepth });
    private long _checkpoint;
    private int _features;

    // Lines, counted cheaply: the newlines from _counted (an index into _buffer) up to the start of each feature taken.
    private int _line = 1;
    private int _counted;
    private JsonReaderState _checkpointState;
    private Phase _phase = Phase.Start;

    private enum Phase
    {
        Start,
        Root,
        Features,
        End,
    }

    /// <summary>What the walk meets, in file order.</summary>
    public interface ISink
    {
        /// <summary>The top-level <c>type</c> member.</summary>
        void Type(string? type);

        /// <summary>The 2008 <c>crs</c> member, when present.</summary>
        void Crs(JsonElement crs);

        /// <summary>True when a source property holds the feature id, so that a refused feature can still be named.</summary>
        bool IsIdField(string name);

        /// <summary>Whether to build the feature just scanned; false skips it unread (a layer already past its limit).</summary>
        /// <exception cref="Core.Limits.InputLimitException">The feature is past a limit that refuses the layer at once.</exception>
        bool Admit(in FeatureScan scan);

        /// <param name="line">The line of the file the feature starts on (1-based).</param>
        void Feature(IFeature? feature, int line);
    }

    /// <summary>Reads the whole stream, reporting to <paramref name="sink"/>; malformed input throws <see cref="JsonException"/>.</summary>
    public void Run(ISink sink)
    {
        Fill();

        // A UTF-8 byte order mark, as Windows tools write it; RFC 8259 lets a reader ignore it.
        if (_end - _start >= 3 && _buffer[_start] == 0xEF && _buffer[_start + 1] == 0xBB && _buffer[_start + 2] == 0xBF) _start += 3;
        _counted = _start;
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            _checkpoint = 0;
            _checkpointState = _state;
            if (Advance(ref reader, sink)) return;

            // Resume from the last checkpoint with more data.
            _start += (int)_checkpoint;
            _state = _checkpointState;
            if (_final) throw new JsonException("unexpected end of the file");
            Fill();
        }
    }

    /// <summary>Processes whole items from the buffer; true when the collection ended, false when more data is needed.</summary>
    private bool Advance(ref Utf8JsonReader reader, ISink sink)
    {
        while (true)
        {
            _checkpoint = reader.BytesConsumed;
            _checkpointState = reader.CurrentState;
            if (_phase == Phase.End)
            {
                // Only whitespace may follow; the reader throws on anything else.
                return reader.Read() ? throw new JsonException("text after the end of the FeatureCollection") : _final;
            }

            if (!reader.Read()) return false;
            switch (_phase)
            {
                case Phase.Start:
                    if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("not a GeoJSON FeatureCollection");
                    _phase = Phase.Root;
                    break;

                case Phase.Root when reader.TokenType == JsonTokenType.EndObject:
                    _phase = Phase.End;
                    break;

                case Phase.Root:
                    var name = reader.GetString();
                    if (!reader.Read()) return false;
                    if (name == "features")
                    {
                        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("features must be an array");
                        _phase = Phase.Features;
                        break;
                    }

                    if (!IsWhole(reader)) return false;
                    if (name == "type") sink.Type(reader.TokenType == JsonTokenType.String ? reader.GetString() : null);
                    else if (name == "crs")
                    {
                        using var crs = JsonDocument.ParseValue(ref reader);
                        sink.Crs(crs.RootElement);
                    }
                    else reader.TrySkip(); // Whole, so it succeeds; Skip() refuses any buffer that is not the final block.
                    break;

                case Phase.Features when reader.TokenType == JsonTokenType.EndArray:
                    _phase = Phase.Root;
                    break;

                case Phase.Features:
                    if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("features must hold Feature objects");
                    if (!FeatureScan.TryScan(reader, sink.IsIdField, out var scan)) return false;
                    _features++;
                    var line = LineAt(_start + (int)reader.TokenStartIndex);
                    if (sink.Admit(scan)) sink.Feature(Feature(ref reader, _features), line);
                    else reader.TrySkip();
                    break;
            }
        }
    }

    /// <summary>Builds one feature; a feature that cannot be built is reported by its position, since a one-line file has no useful line number.</summary>
    private IFeature? Feature(ref Utf8JsonReader reader, int position)
    {
        try
        {
            return JsonSerializer.Deserialize<IFeature>(ref reader, options);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or NotSupportedException or FormatException)
        {
            var json = e as JsonException;
            throw new JsonException($"feature {position}: {e.Message}", json?.Path, json?.LineNumber, json?.BytePositionInLine, e);
        }
    }

    /// <summary>True when the value the reader stands on is complete in the buffer.</summary>
    private static bool IsWhole(Utf8JsonReader probe) =>
        probe.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray) || probe.TrySkip();

    /// <summary>The line of the byte at <paramref name="index"/> of the buffer, counting only the newlines not yet counted.</summary>
    private int LineAt(int index)
    {
        if (index > _counted)
        {
            _line += _buffer.AsSpan(_counted, index - _counted).Count((byte)'\n');
            _counted = index;
        }

        return _line;
    }

    /// <summary>Moves the unread rest to the front, grows the buffer when one item fills it, and reads until it is full or the stream ends.</summary>
    private void Fill()
    {
        // The bytes before _start are dropped: count their newlines first.
        LineAt(_start);
        _counted -= _start;
        var rest = _end - _start;
        if (_start == 0 && rest == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        else if (_start > 0) Buffer.BlockCopy(_buffer, _start, _buffer, 0, rest);
        _start = 0;
        _end = rest;
        while (_end < _buffer.Length)
        {
            var read = stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _final = true;
                break;
            }

            _end += read;
        }
    }
}

/// <summary>
/// What a feature holds, read from its tokens before it is built: whether it is whole in the buffer, how
/// many coordinate positions its geometry has (so a geometry over the vertex limit is refused before NTS
/// builds it), and its id, to name it in the refusal.
/// </summary>
internal readonly record struct FeatureScan(long Positions, object? NativeId, IReadOnlyList<KeyValuePair<string, object?>> IdProperties)
{
    /// <summary>Scans the feature the reader stands on (a copy; the reader does not move). False when it is not whole in the buffer.</summary>
    public static bool TryScan(Utf8JsonReader probe, Func<string, bool> isIdField, out FeatureScan scan)
    {
        scan = default;
        var feature = probe.CurrentDepth;
        long positions = 0;
        object? nativeId = null;
        List<KeyValuePair<string, object?>>? idProperties = null;
        var member = Member.Other;
        var takeId = false;
        string? takeProperty = null;
        var coordinates = -1;
        var expectCoordinates = false;
        var afterStartArray = false;
        while (true)
        {
            if (!probe.Read()) return false;
            var token = probe.TokenType;
            var depth = probe.CurrentDepth;
            if (depth == feature && token == JsonTokenType.EndObject) break;
            if (token == JsonTokenType.PropertyName)
            {
                if (depth == feature + 1)
                {
                    member = probe.ValueTextEquals("geometry"u8) ? Member.Geometry : probe.ValueTextEquals("properties"u8) ? Member.Properties : Member.Other;
                    takeId = probe.ValueTextEquals("id"u8);
                }
                else if (member == Member.Properties && depth == feature + 2)
                {
                    var name = probe.GetString()!;
                    if (isIdField(name)) takeProperty = name;
                }
                else if (member == Member.Geometry && coordinates < 0 && probe.ValueTextEquals("coordinates"u8))
                {
                    coordinates = depth;
                    expectCoordinates = true;
                }

                afterStartArray = false;
                continue;
            }

            if (takeId)
            {
                nativeId = Scalar(ref probe);
                takeId = false;
            }

            if (takeProperty is not null)
            {
                (idProperties ??= []).Add(new(takeProperty, Scalar(ref probe)));
                takeProperty = null;
            }

            if (expectCoordinates)
            {
                expectCoordinates = false;
                if (token != JsonTokenType.StartArray) coordinates = -1;
            }

            if (coordinates >= 0)
            {
                // A position is an array of numbers: count the arrays that open on a number.
                if (token == JsonTokenType.Number && afterStartArray) positions++;
                if (token == JsonTokenType.EndArray && depth == coordinates) coordinates = -1;
            }

            afterStartArray = token == JsonTokenType.StartArray;
        }

        scan = new FeatureScan(positions, nativeId, idProperties ?? []);
        return true;
    }

    private static object? Scalar(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => reader.GetDouble(),
        _ => null,
    };

    private enum Member
    {
        Other,
        Geometry,
        Properties,
    }
}
