using ElementFlow.Core.Text;
using ElementFlow.Core.Units;

namespace ElementFlow.Core.Planning;

/// <summary>The administrative division a plan covers.</summary>
public sealed record Region(string Code, string Name)
{
    /// <summary>True when <paramref name="inner"/> lies in this region by the admin-code prefix rule (330100 contains 330102 and 330102101).</summary>
    public bool Contains(string inner)
    {
        var prefix = Code.TrimEnd('0');
        // Keep whole two-digit groups: 330100 → 3301, 330000 → 33.
        if (prefix.Length % 2 == 1) prefix += "0";
        return inner.StartsWith(prefix, StringComparison.Ordinal) && inner.Length >= Code.Length;
    }
}

/// <summary>The coordinate reference system declared by a plan.</summary>
/// <param name="Text">As written, e.g. <c>EPSG:4527</c>.</param>
/// <param name="Epsg">The EPSG code, or 0 when the text names none.</param>
public sealed record CrsInfo(string Text, int Epsg);

/// <summary>A declared indicator of a plan.</summary>
public sealed record Indicator(string Key, Quantity Quantity, int Line);

/// <summary>A target this plan hands down to one child region.</summary>
public sealed record Allocation(string RegionCode, string Key, double? Min, double? Max, Unit Unit, int Line);

/// <summary>A documented exception: an adjustment of a line or a waiver of a rule for some features.</summary>
public sealed record Approval(string Id, string Document, string Rule, IReadOnlyDictionary<string, IReadOnlyList<string>> Features, DateOnly? Expires, string? ExpiresText, int Line);

/// <summary>An immutable plan submission after loading (DESIGN §2).</summary>
public sealed record Plan
{
    public required string Id { get; init; }
    public required LocalizedText Name { get; init; }
    public required PlanLevel Level { get; init; }
    public required PlanType Type { get; init; }
    public required Region Region { get; init; }
    public int? BaseYear { get; init; }
    public int? TargetYear { get; init; }

    /// <summary>The parent package path as written (relative to this package), or null at the top.</summary>
    public string? Parent { get; init; }

    public required CrsInfo Crs { get; init; }

    /// <summary>Where the package was read from, as the user named it.</summary>
    public required string Path { get; init; }

    public IReadOnlyDictionary<string, Layer> Layers { get; init; } = new Dictionary<string, Layer>();
    public IReadOnlyDictionary<string, Indicator> Indicators { get; init; } = new Dictionary<string, Indicator>();
    public IReadOnlyList<Allocation> Allocations { get; init; } = [];
    public IReadOnlyList<Approval> Approvals { get; init; } = [];
    public IReadOnlyList<DataIssue> DataIssues { get; init; } = [];

    /// <summary>Layers that were declared but could not be read; rules that need them cannot run.</summary>
    public IReadOnlyList<string> BrokenLayers { get; init; } = [];

    public Layer? Layer(string role) => Layers.GetValueOrDefault(role);
}
