using System.Text.Json;
using System.Text.RegularExpressions;
using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Planning;
using ElementFlow.Spatial;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;

namespace ElementFlow.IO.Layers;

/// <summary>Reads a GeoJSON FeatureCollection with the NTS System.Text.Json converters.</summary>
public static partial class GeoJsonLayerReader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new GeoJsonConverterFactory(GeometryServices.Factory, false, "id") },
        MaxDepth = 64,
    };

    [GeneratedRegex(@"""crs""\s*:\s*\{.{0,200}?""name""\s*:\s*""(?<name>[^""]+)""", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex LegacyCrs();

    [GeneratedRegex(@"EPSG:{1,2}(?<code>\d+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex EpsgCode();

    public static LayerReadResult Read(Stream stream, LayerRequest request)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        buffer.Position = 0;
        var diagnostics = new List<Diagnostic>();
        CheckDeclaredCrs(buffer, request, diagnostics);
        buffer.Position = 0;

        FeatureCollection? collection;
        try
        {
            collection = JsonSerializer.Deserialize<FeatureCollection>(buffer, Options);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or NotSupportedException or FormatException)
        {
            var detail = e is JsonException j && j.LineNumber is { } line
                ? $"{FirstSentence(e.Message)} (line {line + 1})"
                : FirstSentence(e.Message);
            return new LayerReadResult(null, [], [Diagnostic.Error("layer.unreadable", request.ShownPath, null, null,
                ("role", request.Role.Name), ("file", request.ShownPath), ("detail", detail))]);
        }

        if (collection is null)
        {
            return new LayerReadResult(null, [], [Diagnostic.Error("layer.unreadable", request.ShownPath, null, null,
                ("role", request.Role.Name), ("file", request.ShownPath), ("detail", "not a GeoJSON FeatureCollection"))]);
        }

        var builder = new FeatureBuilder(request);
        foreach (var feature in collection)
        {
            var attributes = feature.Attributes is { } table
                ? table.GetNames().Select(n => new KeyValuePair<string, object?>(n, table[n]))
                : [];
            builder.Add((feature as IUnique)?.Id, feature.Geometry, attributes);
        }

        return builder.Build(diagnostics);
    }

    /// <summary>A GeoJSON file may still carry the 2008 <c>crs</c> member; when it names another EPSG code than the plan's, say so.</summary>
    private static void CheckDeclaredCrs(MemoryStream buffer, LayerRequest request, List<Diagnostic> diagnostics)
    {
        var head = System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)Math.Min(buffer.Length, 4096));
        if (LegacyCrs().Match(head) is not { Success: true } m) return;
        var name = m.Groups["name"].Value;
        var code = EpsgCode().Match(name) is { Success: true } c ? int.Parse(c.Groups["code"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        if (code == 0 && name.Contains("CRS84", StringComparison.OrdinalIgnoreCase)) code = 4326;
        if (code != 0 && code != request.PlanCrs.Epsg)
        {
            diagnostics.Add(Diagnostic.Error("layer.crs-mismatch", request.ShownPath, null, null,
                ("role", request.Role.Name), ("layer_crs", $"EPSG:{code}"), ("plan_crs", request.PlanCrs.Text)));
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..(cut + 1)] : message;
    }
}
