using ElementFlow.Core.Text;
using ElementFlow.Core.Units;

namespace ElementFlow.Core.Planning;

/// <summary>The administrative division a plan covers.</summary>
public sealed record Region(string Code, string Name)
{
    /// <summary>
    /// True when <paramref name="inner"/> lies in this region by the administrative-code hierarchy:
    /// province 2 digits, city 4, county 6, township 9, village 12 (330100 contains 330102 and 330102101).
    /// </summary>
    public bool Contains(string inner) =>
        inner.Length >= Code.Length && inner.StartsWith(SignificantPrefix(Code), StringComparison.Ordinal);

    /// <summary>The digits that identify the division: 330000 → 33, 330100 → 3301, 330122000 → 330122.</summary>
    public static string SignificantPrefix(string code)
    {
        // Strip empty lower levels: 3-digit groups beyond 6 digits, then 2-digit groups.
        while (code.Length > 6 && code.EndsWith("000", StringComparison.Ordinal)) code = code[..^3];
        while (code.Length > 2 && code.Length <= 6 && code.EndsWith("00", StringComparison.Ordinal)) code = code[..^2];
        return code;
    }
}

/// <summary>The coordinate reference system declared by a plan, and the one its geometries are measured in.</summary>
/// <param name="Text">As written, e.g. <c>EPSG:4527</c>.</param>
/// <param name="Epsg">The EPSG code the loaded geometries are in, or 0 when the text names none: the declared code,
/// except for a geographic CGCS2000 plan (EPSG:4490), which is measured in the 3-degree zone of its boundary's centre.</param>
public sealed record CrsInfo(string Text, int Epsg)
{
    /// <summary>The EPSG code plan.yaml declares, when it differs from <see cref="Epsg"/>; else 0.</summary>
    public int DeclaredEpsg { get; init; }
}

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

    /// <summary>The line of <c>parent:</c> in plan.yaml, for messages.</summary>
    public int? ParentLine { get; init; }

    /// <summary>The full path of the package (folder or zip), which identifies it in a plan tree.</summary>
    public string Location { get; init; } = "";

    /// <summary>The full path the <c>parent:</c> entry points to, or null at the top.</summary>
    public string? ParentLocation { get; init; }

    public required CrsInfo Crs { get; init; }

    /// <summary>Where the package was read from, as the user named it.</summary>
    public required string Path { get; init; }

    public IReadOnlyDictionary<string, Layer> Layers { get; init; } = new Dictionary<string, Layer>();
    public IReadOnlyDictionary<string, Indicator> Indicators { get; init; } = new Dictionary<string, Indicator>();
    public IReadOnlyList<Allocation> Allocations { get; init; } = [];
    public IReadOnlyList<Approval> Approvals { get; init; } = [];

    /// <summary>What crosses the plan's boundary: quotas, relocated basic farmland, compensation (DESIGN §2 <c>flows:</c>).</summary>
    public IReadOnlyList<Flow> Flows { get; init; } = [];
    public IReadOnlyList<DataIssue> DataIssues { get; init; } = [];

    /// <summary>Layers that were declared but could not be read; rules that need them cannot run.</summary>
    public IReadOnlyList<string> BrokenLayers { get; init; } = [];

    /// <summary>Indicators that were declared but cannot be used (no unit, an unknown unit, a misspelt key); the loader has said why, so rules do not report them missing.</summary>
    public IReadOnlyCollection<string> UnusableIndicators { get; init; } = [];

    /// <summary>The database standard the plan declares (<c>standard:</c> in plan.yaml), or null: then the standard's rules do not apply.</summary>
    public Standards.DatabaseStandard? Standard { get; init; }

    public Layer? Layer(string role) => Layers.GetValueOrDefault(role);
}
