using System.Linq.Expressions;
using System.Text.RegularExpressions;
using ElementFlow.Rules.Conditions;
using ElementFlow.Rules.Facts;

namespace ElementFlow.Rules.Tests.Conditions;

/// <summary>
/// What a rule file might try through a condition, each refused when the rule is compiled (at lint),
/// with a message that says what is not allowed. <c>expected</c> is a fragment the message must hold.
/// </summary>
public sealed partial class SandboxTests
{
    private static readonly Dictionary<string, object?> Named = new() { ["min_area_m2"] = 100.0 };

    private static string Refusal(string text)
    {
        var e = Assert.Throws<ConditionException>(() =>
            ConditionCompiler.Compile(text, [Expression.Parameter(typeof(FeatureFact), "feature")], typeof(bool), Named));
        Assert.DoesNotMatch(StackFrame(), e.Message);
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
        return e.Message;
    }

    [GeneratedRegex(@"\n\s+at |System\.Linq\.Dynamic\.Core\.|Exception:")]
    private static partial Regex StackFrame();

    [Theory]
    [InlineData("feature.GetType() != null", "GetType")]
    [InlineData("feature.GetType().Assembly != null", "GetType")]
    [InlineData("feature.Plan.GetType().GetProperty(\"Source\") != null", "GetType")]
    [InlineData("typeof(FeatureFact) != null", "typeof")]
    [InlineData("Type.GetType(\"System.IO.File\") != null", "Type")]
    [InlineData("System.Type.GetType(\"System.IO.File\") != null", "System")]
    [InlineData("\"x\".GetType().Assembly.GetType(\"System.IO.File\") != null", "GetType")]
    public void Reflection_IsRefused(string text, string expected)
    {
        Assert.Contains(expected, Refusal(text));
    }

    [Theory]
    [InlineData("System.IO.File.ReadAllText(\"/etc/passwd\") != \"\"", "System")]
    [InlineData("File.Exists(\"/etc/passwd\")", "File")]
    [InlineData("IO.File.Exists(\"/etc/passwd\")", "IO")]
    [InlineData("System.IO.Directory.GetFiles(\"/\").Length > 0", "System")]
    public void FileAccess_IsRefused(string text, string expected)
    {
        Assert.Contains(expected, Refusal(text));
    }

    [Theory]
    [InlineData("System.Diagnostics.Process.Start(\"sh\") != null", "System")]
    [InlineData("Process.Start(\"sh\") != null", "Process")]
    public void ProcessAccess_IsRefused(string text, string expected)
    {
        Assert.Contains(expected, Refusal(text));
    }

    [Theory]
    [InlineData("Environment.Exit(1) == null", "Environment")]
    [InlineData("System.Environment.Exit(1) == null", "System")]
    [InlineData("Environment.GetEnvironmentVariable(\"HOME\") != null", "Environment")]
    [InlineData("Environment.ProcessorCount > 0", "Environment")]
    [InlineData("AppDomain.CurrentDomain != null", "AppDomain")]
    [InlineData("DateTime.Now.Year > 2000", "Now")]
    public void Environment_IsRefused(string text, string expected)
    {
        Assert.Contains(expected, Refusal(text));
    }

    [Theory]
    [InlineData("new System.Net.WebClient() != null", "creating objects is not allowed")]
    [InlineData("new object() != null", "creating objects is not allowed")]
    [InlineData("new(feature.Area as a).a > 0", "creating objects is not allowed")]
    [InlineData("new { feature.Area }.Area > 0", "creating objects is not allowed")]
    [InlineData("string('x', 3) == \"xxx\"", "")]
    [InlineData("DateTime(2020, 1, 1) < DateTime(2021, 1, 1)", "")]
    public void New_IsRefused(string text, string expected)
    {
        Assert.Contains(expected, Refusal(text));
    }

    [Theory]
    [InlineData("\"x\".GetHashCode() > 0", "GetHashCode")]
    [InlineData("feature.Id.GetHashCode() > 0", "GetHashCode")]
    [InlineData("feature.ToString() == \"x\"", "ToString")]
    [InlineData("feature.Equals(feature)", "Equals")]
    [InlineData("Convert.ToString(feature.Area) == \"1\"", "Convert")]
    [InlineData("Guid.NewGuid() != Guid.Empty", "Guid")]
    [InlineData("int.Parse(feature.Id) > 0", "Parse")]
    [InlineData("feature.Id.Normalize() == \"x\"", "Normalize")]
    [InlineData("Math.BigMul(2, 3) > 0", "BigMul")]
    [InlineData("feature.Source.Id == \"x\"", "Source")]
    [InlineData("feature.Plan.Source.Layers.Count > 0", "Source")]
    [InlineData("feature.Id[0] == 'x'", "")]
    public void MethodCallsOutsideTheList_AreRefused(string text, string expected)
    {
        Assert.Contains(expected, Refusal(text));
    }

    [Theory]
    [InlineData("np(feature.Plan.Parent.Id) == null", "np(...) is not available")]
    [InlineData("it.Area > 0", "'it'")]
    [InlineData("$.Area > 0", "'$'")]
    [InlineData("parent != null", "'parent'")]
    [InlineData("^.Area > 0", "'^'")]
    [InlineData("root != null", "'root'")]
    [InlineData("~ != null", "'~'")]
    [InlineData("@0 != null", "'@'")]
    [InlineData("@0[\"min_area_m2\"] > 0", "'@'")]
    [InlineData("feature is FeatureFact", "")]
    [InlineData("(feature as object) != null", "")]
    public void DynamicLinqEscapes_AreRefused(string text, string expected)
    {
        Assert.Contains(expected, Refusal(text));
    }

    [Theory]
    [InlineData("string.Concat(feature.Id, feature.Id).Length > 0", "Concat")]
    [InlineData("(feature.Id + feature.Id).Length > 0", "Concat")]
    [InlineData("feature.Id.PadLeft(1000000000) != \"\"", "PadLeft")]
    [InlineData("feature.Id.Replace(\"a\", \"aaaaaaaa\") != \"\"", "Replace")]
    [InlineData("string.Join(\",\", feature.Id) == \"\"", "arrays")]
    [InlineData("string.Empty.PadRight(2147483647).Length > 0", "")]
    public void StringBuilding_IsRefused(string text, string expected)
    {
        Assert.Contains(expected, Refusal(text));
    }

    [Theory]
    [InlineData("features.Sum(a => features.Sum(b => a.Area * b.Area)) > 0", "features")]
    [InlineData("Enumerable.Range(0, 2147483647).Count() > 0", "Enumerable")]
    [InlineData("Enumerable.Repeat(feature, 1000000000).Count() > 0", "Enumerable")]
    [InlineData("feature.Id.Any(c => c == 'x')", "")]
    [InlineData("feature.Id.Count() > 0", "")]
    [InlineData("feature.Id.Select(c => c).Count() > 0", "")]
    public void Iteration_IsRefused(string text, string expected)
    {
        Assert.Contains(expected, Refusal(text));
    }

    [Fact]
    public void DeeplyNestedParentheses_AreRefusedBeforeParsing()
    {
        var text = new string('(', 900) + "true" + new string(')', 900);

        Assert.Contains($"nests brackets more than {ConditionCompiler.MaxNesting} deep", Refusal(text));
    }

    [Fact]
    public void LongRunOfPrefixOperators_IsRefusedBeforeParsing()
    {
        Assert.Contains("prefix operators in a row", Refusal(new string('!', 1990) + "true"));
    }

    [Fact]
    public void ManyTerms_AreRefusedAsTooLarge()
    {
        var text = string.Join(" || ", Enumerable.Repeat("(1>0 && 1>0 && 1>0 && 1>0)", 30));

        Assert.Contains($"too large (more than {ConditionCompiler.MaxParts} parts)", Refusal(text));
    }

    [Fact]
    public void LongChainOfTerms_IsRefusedAsTooComplex()
    {
        var text = string.Join(" && ", Enumerable.Repeat("1>0", 100));

        Assert.Contains("too complex", Refusal(text));
    }

    [Fact]
    public void LongChainOfConditionals_IsRefusedAsTooComplex()
    {
        var text = string.Concat(Enumerable.Repeat("feature.Area > 1 ? true : ", 70)) + "false";

        Assert.Matches("too large|too complex", Refusal(text));
    }

    [Fact]
    public void ExpressionLongerThanTheLimit_IsRefused()
    {
        Assert.Contains("longer than", Refusal("feature.Area > " + new string('1', ConditionCompiler.MaxLength)));
    }

    [Theory]
    [InlineData("feature.Area > min_area_m2 && !Codes.Match(feature.Code, \"07\")")]
    [InlineData("Math.Abs(feature.Area - 1) < 2 || double.IsNaN(feature.Number(\"x\"))")]
    [InlineData("feature.Plan.Parent != null && feature.Plan.Parent.Level == \"city\"")]
    [InlineData("(feature.Area > 1 ? feature.Area : 0) >= 0")]
    [InlineData("iif(feature.Has(\"population\"), feature.Number(\"population\"), 0) >= 0")]
    [InlineData("feature.Text(\"name\").Trim().ToUpper().StartsWith(\"A\") || string.IsNullOrEmpty(feature.Code)")]
    [InlineData("-(-feature.Area) >= 0 && !!true")]
    [InlineData("\"it parent root np new @0 $ ^ ~\" != feature.Id")]
    public void WhatRulesNeed_IsStillAllowed(string text)
    {
        ConditionCompiler.Compile(text, [Expression.Parameter(typeof(FeatureFact), "feature")], typeof(bool), Named);
    }
}
