using ElementFlow.Core.Units;

namespace ElementFlow.Core.Planning;

/// <summary>What crosses a plan's boundary (DOMAIN FLOW): a quota, a relocated basic-farmland duty or a compensation payment.</summary>
public enum FlowKind
{
    /// <summary>补充耕地指标: farmland compensation quota.</summary>
    FarmlandQuota,

    /// <summary>增减挂钩节余指标: surplus of the increase–decrease linkage.</summary>
    LinkageQuota,

    /// <summary>建设用地规模 / 城镇开发边界规模: a construction cap moved (异地腾挪).</summary>
    ConstructionQuota,

    /// <summary>永久基本农田异地补划: a basic-farmland duty designated elsewhere.</summary>
    PbfRelocation,

    /// <summary>横向生态保护补偿: money paid under an agreement.</summary>
    EcoCompensation,
}

/// <summary>Whether the object of a flow (quota, duty, money) leaves the plan's region or arrives in it.</summary>
public enum FlowDirection
{
    In,
    Out,
}

/// <summary>Names of flow kinds as plan.yaml and reports write them.</summary>
public static class FlowKinds
{
    private static readonly (FlowKind Kind, string Name, string Zh)[] Table =
    [
        (FlowKind.FarmlandQuota, "farmland_quota", "补充耕地指标"),
        (FlowKind.LinkageQuota, "linkage_quota", "增减挂钩节余指标"),
        (FlowKind.ConstructionQuota, "construction_quota", "建设用地规模指标"),
        (FlowKind.PbfRelocation, "pbf_relocation", "永久基本农田异地补划"),
        (FlowKind.EcoCompensation, "eco_compensation", "横向生态保护补偿"),
    ];

    public static IReadOnlyList<string> Names { get; } = Table.Select(t => t.Name).ToList();

    public static bool TryParse(string? text, out FlowKind kind)
    {
        foreach (var t in Table)
        {
            if (string.Equals(t.Name, text, StringComparison.Ordinal) || t.Zh == text)
            {
                kind = t.Kind;
                return true;
            }
        }

        kind = default;
        return false;
    }

    public static string Name(this FlowKind kind) => Table.First(t => t.Kind == kind).Name;

    public static string Zh(this FlowKind kind) => Table.First(t => t.Kind == kind).Zh;

    public static string Name(this FlowDirection direction) => direction == FlowDirection.In ? "in" : "out";

    /// <summary>The dimension a kind's amount is measured in: money for compensation, area for everything else.</summary>
    public static Dimension AmountDimension(this FlowKind kind) => kind == FlowKind.EcoCompensation ? Dimension.Money : Dimension.Area;

    /// <summary>Kinds that move a farmland or linkage quota, whose ledgers may carry paddy and grain capacity.</summary>
    public static bool IsQuota(this FlowKind kind) => kind is FlowKind.FarmlandQuota or FlowKind.LinkageQuota;
}

/// <summary>A target an ecological compensation agreement sets on an indicator of the protecting plan.</summary>
public sealed record FlowTarget(string Key, double? Min, double? Max, Unit Unit);

/// <summary>One entry of a plan's <c>flows:</c> (DESIGN §2): what crosses its boundary, to or from which region, on whose approval.</summary>
public sealed record Flow
{
    public required string Id { get; init; }
    public required FlowKind Kind { get; init; }
    public required FlowDirection Direction { get; init; }

    /// <summary>The other region's administrative code.</summary>
    public required string Counterpart { get; init; }

    public required Quantity Amount { get; init; }
    public Quantity? Paddy { get; init; }
    public Quantity? Capacity { get; init; }

    /// <summary>Average quality grade (等别, 1 best … 15) of relocated basic farmland.</summary>
    public int? Grade { get; init; }

    /// <summary>The cap a construction quota moves (e.g. <c>construction_land_total</c>).</summary>
    public string? Indicator { get; init; }

    public IReadOnlyList<FlowTarget> Targets { get; init; } = [];
    public string? Document { get; init; }

    /// <summary>Region code of the approving government; "000000" is the State Council and its ministries.</summary>
    public string? ApprovedBy { get; init; }

    public int? Year { get; init; }
    public DateOnly? Expires { get; init; }

    /// <summary>The line of the entry in plan.yaml.</summary>
    public int Line { get; init; }

    /// <summary>+1 for a flow in, −1 for a flow out.</summary>
    public int Sign => Direction == FlowDirection.In ? 1 : -1;

    /// <summary>True when the flow has an expiry before <paramref name="asOf"/>: it counts for nothing.</summary>
    public bool IsExpiredOn(DateOnly asOf) => Expires is { } d && d < asOf;
}

/// <summary>Region codes as the flow rules read them: levels by length, common ancestors by prefix.</summary>
public static class RegionCodes
{
    /// <summary>The State Council and its ministries as an approver.</summary>
    public const string State = "000000";

    /// <summary>The province digits of a code (its first two).</summary>
    public static string Province(string code) => code.Length >= 2 ? code[..2] : code;

    /// <summary>The city digits of a code (its first four); a province code stays as it is.</summary>
    public static string City(string code) => Region.SignificantPrefix(code) is var p && p.Length >= 4 ? p[..4] : p;

    /// <summary>True when <paramref name="approver"/> is the State, or its region contains both <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static bool IsCommonAncestor(string approver, string a, string b) =>
        approver == State || (new Region(approver, "").Contains(a) && new Region(approver, "").Contains(b));
}
