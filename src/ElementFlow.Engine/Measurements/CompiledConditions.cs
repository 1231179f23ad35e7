using System.Collections.Concurrent;
using System.Linq.Expressions;
using ElementFlow.Rules.Conditions;
using ElementFlow.Rules.Facts;

namespace ElementFlow.Engine.Measurements;

/// <summary>Compiled feature filters (<c>where</c> of a selector), cached by text.</summary>
internal static class CompiledConditions
{
    private static readonly ConcurrentDictionary<string, Func<FeatureFact, bool>> Filters = new(StringComparer.Ordinal);

    public static Func<FeatureFact, bool> FeatureFilter(string text) => Filters.GetOrAdd(text, t =>
    {
        var parameter = Expression.Parameter(typeof(FeatureFact), "feature");
        return (Func<FeatureFact, bool>)ConditionCompiler.Compile(t, [parameter], typeof(bool)).Compile();
    });
}
