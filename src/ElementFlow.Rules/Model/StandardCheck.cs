namespace ElementFlow.Rules.Model;

/// <summary>What a <c>standard</c> check compares with the plan's database standard.</summary>
public enum StandardAspect
{
    /// <summary>The standard's required layers are in the plan.</summary>
    Layers,

    /// <summary>Each feature's YSDM is the code the standard fixes for its layer.</summary>
    Ysdm,

    /// <summary>Each BSM is well formed and unique in the whole database.</summary>
    Bsm,

    /// <summary>The standard's fields are present, of their type and within their length.</summary>
    Fields,

    /// <summary>Values of fields with a code list are in the list.</summary>
    Codes,
}

/// <summary>
/// <c>standard</c>: a plan against the database standard its plan.yaml names (<c>standard:</c>); not applicable
/// to a plan that names none.
/// </summary>
public sealed record StandardCheck(StandardAspect Aspect) : CheckSpec
{
    public override string Kind => "standard";
    public override string MeasureName => "standard_problem_count";

    /// <summary><c>standard</c> names the standard's file and line, so a reader can see (and a province correct) the entry a finding rests on.</summary>
    public override IReadOnlyList<string> Placeholders => ["standard", "field", "expected", "found", "count", "problem", "ids"];

    public override IEnumerable<(string, string)> Parameters => [("aspect", Aspect.ToString().ToLowerInvariant())];
}
