using ElementFlow.Core.Planning;

namespace ElementFlow.Rules.Model;

/// <summary>What a flow-balance check weighs.</summary>
public enum BalanceOf
{
    /// <summary>The flows' amounts (hectares).</summary>
    Amount,

    /// <summary>Their paddy share (hectares): 占水田补水田.</summary>
    Paddy,

    /// <summary>Their standard grain capacity (kg).</summary>
    Capacity,
}

/// <summary>
/// A balance with flows (flow-balance): the plan's own use plus what it sends may not exceed its own supply
/// plus what it receives; or, over the children, the flows between them net to zero.
/// </summary>
/// <param name="Flow">The flow kind that carries the balance.</param>
/// <param name="Use">The indicator of own use (e.g. farmland_occupied); null for <see cref="Children"/>.</param>
/// <param name="Supply">The indicator of own supply (e.g. farmland_compensated); absent counts as 0.</param>
/// <param name="Children">True: net the overall children's flows whose counterpart lies inside this plan's region.</param>
public sealed record FlowBalanceCheck(FlowKind Flow, string? Use, string? Supply, BalanceOf Of, bool Children, double Tolerance) : CheckSpec
{
    public override string Kind => "flow-balance";

    public override string MeasureName => Children ? (Of == BalanceOf.Capacity ? "net_flow_kg" : "net_flow_ha")
        : Of switch { BalanceOf.Paddy => "paddy_shortfall_ha", BalanceOf.Capacity => "capacity_shortfall_kg", _ => "shortfall_ha" };

    public override IReadOnlyList<string> Placeholders => ["flow_kind", "use", "supply", "flows_in", "flows_out", "children", "unit"];

    public override IEnumerable<(string, string)> Parameters =>
    [
        ("flow", Flow.Name()), ("use", Use ?? "-"), ("supply", Supply ?? "-"), ("of", Of.ToString().ToLowerInvariant()),
        ("scope", Children ? "children" : "own"), ("tolerance", NoOverlapCheck.Fmt(Tolerance)),
    ];
}

/// <summary>
/// Cross-province eligibility (flow-eligibility): flows of the listed kinds that cross a province line leave only
/// from listed senders, enter only listed receivers, in the policy window. Empty lists: "not configured".
/// </summary>
/// <param name="Senders">Region codes (or prefixes by code level) that may send; empty: not configured.</param>
/// <param name="Receivers">Region codes that may receive; empty: not configured.</param>
public sealed record FlowEligibilityCheck(IReadOnlyList<FlowKind> Flows, IReadOnlyList<string> Senders, IReadOnlyList<string> Receivers, int? FromYear, int? UntilYear) : CheckSpec
{
    public override string Kind => "flow-eligibility";
    public override string MeasureName => "ineligible_count";
    public override IReadOnlyList<string> Placeholders => [.. ExpressionCheck.FlowPlaceholders, "sender", "receiver", "window"];

    public bool Configured => Senders.Count > 0 || Receivers.Count > 0;

    public override IEnumerable<(string, string)> Parameters =>
    [
        ("flows", string.Join(", ", Flows.Select(f => f.Name()))),
        ("senders", Senders.Count == 0 ? "(not configured)" : string.Join(", ", Senders)),
        ("receivers", Receivers.Count == 0 ? "(not configured)" : string.Join(", ", Receivers)),
        ("from-year", FromYear?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"),
        ("until-year", UntilYear?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"),
    ];
}

/// <summary>
/// Enclaves counted once (enclaves): each enclave of the plan's <c>enclaves</c> layer lies inside its host's boundary,
/// host and home both declare it, and only the plan named by <c>counted_by</c> has land use or UDB over it.
/// </summary>
public sealed record EnclaveCheck(double ToleranceM2) : CheckSpec
{
    public override string Kind => "enclaves";
    public override string MeasureName => "enclave_area_m2";
    public override IReadOnlyList<string> Placeholders => ["enclave", "host", "home", "counted_by", "other", "other_plan", "layer_name", "problem"];
    public override IEnumerable<(string, string)> Parameters => [("tolerance-m2", NoOverlapCheck.Fmt(ToleranceM2))];
}
