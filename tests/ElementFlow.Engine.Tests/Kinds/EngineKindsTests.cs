using ElementFlow.Engine.Kinds;
using ElementFlow.Rules.Model;
using ElementFlow.Rules.Yaml;

namespace ElementFlow.Engine.Tests.Kinds;

/// <summary>A check kind lives in two places, the rules side (CheckFactory.CheckKinds) and the engine side (EngineKinds); these fail while it is in one only.</summary>
public class EngineKindsTests
{
    private static readonly IReadOnlySet<Type> RulesSide = CheckFactory.CheckKinds.Select(k => k.Spec).ToHashSet();
    private static readonly IReadOnlySet<Type> EngineSide = EngineKinds.All.Select(k => k.Spec).ToHashSet();

    [Fact]
    public void EveryKindOfTheRulesSide_HasAnEngineSide()
    {
        Assert.Empty(RulesSide.Except(EngineSide).Select(t => t.Name));
    }

    [Fact]
    public void EveryKindOfTheEngineSide_HasARulesSide()
    {
        Assert.Empty(EngineSide.Except(RulesSide).Select(t => t.Name));
    }

    [Fact]
    public void EveryCheckRecord_IsAKindOfTheRulesSide()
    {
        var records = typeof(CheckSpec).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(CheckSpec)) && !t.IsAbstract);

        Assert.Empty(records.Except(RulesSide).Select(t => t.Name));
    }

    [Fact]
    public void EachKind_IsRegisteredOncePerSide()
    {
        Assert.Equal(CheckFactory.CheckKinds.Count, RulesSide.Count);
        Assert.Equal(EngineKinds.All.Count, EngineSide.Count);
        Assert.Equal(CheckFactory.CheckKinds.Count, CheckFactory.Kinds.Distinct().Count());
    }
}
