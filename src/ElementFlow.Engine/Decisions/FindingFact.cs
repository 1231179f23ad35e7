using ElementFlow.Core.Findings;

namespace ElementFlow.Engine.Decisions;

/// <summary>A finding inside the rule engine; a class so that two equal findings stay two facts.</summary>
public sealed class FindingFact(Finding finding)
{
    public Finding Finding { get; set; } = finding;
}
