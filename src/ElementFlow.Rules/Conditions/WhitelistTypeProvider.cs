using System.Linq.Dynamic.Core.CustomTypeProviders;
using System.Reflection;
using ElementFlow.Rules.Facts;

namespace ElementFlow.Rules.Conditions;

/// <summary>The only custom types rule expressions can name: our facts and <see cref="Codes"/>.</summary>
internal sealed class WhitelistTypeProvider : IDynamicLinqCustomTypeProvider
{
    internal static readonly HashSet<Type> Types =
    [
        typeof(PlanFact), typeof(LayerFact), typeof(FeatureFact), typeof(IndicatorFact),
        typeof(IssueFact), typeof(ApprovalFact), typeof(FlowFact), typeof(Observation), typeof(IndicatorSet), typeof(Codes),
    ];

    public HashSet<Type> GetCustomTypes() => Types;

    public Dictionary<Type, List<MethodInfo>> GetExtensionMethods() => [];

    public Type? ResolveType(string typeName) => Types.FirstOrDefault(t => t.FullName == typeName);

    public Type? ResolveTypeBySimpleName(string simpleTypeName) => Types.FirstOrDefault(t => t.Name == simpleTypeName);
}
