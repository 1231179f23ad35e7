using System.Globalization;
using System.Text.Json;
using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Limits;
using ElementFlow.Core.Planning;
using NetTopologySuite.Geometries;

namespace ElementFlow.Sources;

/// <summary>
/// Assembles features from any reader: maps field names, normalises values, assigns ids and records
/// missing and duplicate ids as data issues (rules decide what they mean).
/// </summary>
public sealed class FeatureBuilder(LayerRequest request)
{
    private readonly FieldMapping _mapping = new(request.Fields, request.Role);
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);
    private readonly List<Feature> _features = [];
    private readonly List<DataIssue> _issues = [];
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly HashSet<string> _sourceFields = new(StringComparer.Ordinal);

    /// <param name="nativeId">The id the format carries (GeoJSON feature id), if any.</param>
    /// <param name="attributes">Source attribute names and values.</param>
    /// <param name="fallbackId">An id to use when neither the mapped field, the native id nor an <c>id</c> attribute gives one (a GeoPackage fid).</param>
    /// <param name="line">The line the feature starts on in a text file (GeoJSON), or null where a format has no lines.</param>
    public void Add(object? nativeId, Geometry? geometry, IEnumerable<KeyValuePair<string, object?>> attributes, object? fallbackId = null, int? line = null)
    {
        var ordinal = _features.Count + 1;
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, raw) in attributes)
        {
            _sourceFields.Add(name);
            var ours = _mapping.Ours(name);
            values[ours] = FieldMapping.NormaliseValue(request.Role, ours, Plain(raw));
        }

        var id = IdText(_mapping.IdSource is { } src ? values.GetValueOrDefault(_mapping.Ours(src)) : null)
            ?? IdText(Plain(nativeId))
            ?? IdText(values.GetValueOrDefault("id"))
            ?? IdText(Plain(fallbackId));
        if (id is null)
        {
            id = $"#{ordinal}";
            _issues.Add(new DataIssue(request.Role.Name, id, DataIssue.MissingId, $"feature {ordinal} has no id"));
        }
        else if (_seen.TryGetValue(id, out var first))
        {
            _issues.Add(new DataIssue(request.Role.Name, id, DataIssue.DuplicateId, $"features {first} and {ordinal} share the id {id}"));
        }
        else
        {
            _seen[id] = ordinal;
        }

        if (geometry is not null)
        {
            var survey = new CoordinateSurvey();
            geometry.Apply(survey);
            if (!survey.Finite)
            {
                _diagnostics.Add(Diagnostic.Warning("layer.bad-coordinates", request.ShownPath, null, id));
                geometry = null;
            }
            else if (!survey.Planar)
            {
                geometry = Planar.Of(geometry);
            }
        }

        _features.Add(new Feature(id, geometry, values, ordinal) { Line = line });
    }

    /// <summary>The limits of the layer's request; readers check them on their reading thread, before features reach <see cref="Add"/>.</summary>
    public InputLimits Limits => request.Limits;

    /// <summary>True when a source attribute holds the feature id (the mapped id field, BSM, or <c>id</c>).</summary>
    public bool IsIdField(string sourceName) => _mapping.Ours(sourceName) == "id";

    /// <summary>
    /// The id <see cref="Add"/> would give a feature, for messages about a feature that is refused before
    /// it is built; <c>#ordinal</c> when it has none. Has no side effects, so any thread may call it.
    /// </summary>
    public string IdOf(object? nativeId, IEnumerable<KeyValuePair<string, object?>> attributes, object? fallbackId, long ordinal)
    {
        object? idValue = null;
        foreach (var (name, raw) in attributes)
        {
            if (IsIdField(name)) idValue = Plain(raw);
        }

        var id = _mapping.IdSource is not null
            ? IdText(idValue) ?? IdText(Plain(nativeId)) ?? IdText(Plain(fallbackId))
            : IdText(Plain(nativeId)) ?? IdText(idValue) ?? IdText(Plain(fallbackId));
        return id ?? $"#{ordinal}";
    }

    /// <summary>Refuses the layer when a geometry has more vertices than <see cref="InputLimits.MaxVertices"/> allows.</summary>
    /// <exception cref="InputLimitException">The geometry is over the limit.</exception>
    public void CheckVertices(Geometry? geometry, Func<string> id)
    {
        if (geometry is not null && geometry.NumPoints > Limits.MaxVertices) throw TooManyVertices(id(), geometry.NumPoints);
    }

    public InputLimitException TooManyVertices(string id, long count) =>
        new(LimitDiagnostics.Vertices(Limits, request.ShownPath, request.Role.Name, id, count));

    public InputLimitException TooManyFeatures(long count) =>
        new(LimitDiagnostics.Features(Limits, request.ShownPath, request.Role.Name, count));

    public LayerReadResult Build(IEnumerable<Diagnostic>? more = null) =>
        new(new Layer(request.Role, request.ShownPath, _features) { SourceFields = _sourceFields }, _issues, _diagnostics.Concat(more ?? []).ToList());

    /// <summary>
    /// One pass over a geometry's coordinate sequences, read in place (Geometry.Coordinates would copy every
    /// coordinate): are all X and Y finite, and is every sequence X and Y only.
    /// </summary>
    private sealed class CoordinateSurvey : IEntireCoordinateSequenceFilter
    {
        public bool Finite { get; private set; } = true;
        public bool Planar { get; private set; } = true;
        public bool Done => !Finite;
        public bool GeometryChanged => false;

        public void Filter(CoordinateSequence seq)
        {
            if (seq.Dimension > 2 || seq.Measures > 0) Planar = false;
            for (var i = 0; i < seq.Count; i++)
            {
                if (double.IsFinite(seq.GetX(i)) && double.IsFinite(seq.GetY(i))) continue;
                Finite = false;
                return;
            }
        }
    }

    private static string? IdText(object? value) => value switch
    {
        null => null,
        string s => s.Trim().Length == 0 ? null : s.Trim(),
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>Attribute values as plain .NET values: string, double, bool or null.</summary>
    public static object? Plain(object? value) => value switch
    {
        null => null,
        JsonElement e => e.ValueKind switch
        {
            JsonValueKind.String => e.GetString(),
            JsonValueKind.Number => e.GetDouble(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => e.GetRawText(),
        },
        decimal m => (double)m,
        int i => (double)i,
        long l => (double)l,
        float f => (double)f,
        string or double or bool => value,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
