namespace ElementFlow.Rules.Facts;

/// <summary>Marks a fact member that rule expressions may not read (geometry, engine bookkeeping).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Method)]
public sealed class HiddenAttribute : Attribute;
