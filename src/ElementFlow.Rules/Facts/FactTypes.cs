using ElementFlow.Rules.Model;

namespace ElementFlow.Rules.Facts;

/// <summary>The fact type an <c>expression</c> check ranges over, for the rule reader (lint) and the engine alike.</summary>
public static class FactTypes
{
    public static Type Of(FactSource source) => source switch
    {
        FactSource.Plan => typeof(PlanFact),
        FactSource.Layer => typeof(LayerFact),
        FactSource.Feature => typeof(FeatureFact),
        FactSource.Indicator => typeof(IndicatorFact),
        FactSource.Approval => typeof(ApprovalFact),
        FactSource.Flow => typeof(FlowFact),
        _ => typeof(IssueFact),
    };
}
