using ElementFlow.Core.Planning;
using ElementFlow.Core.Text;
using ElementFlow.Core.Units;
using ElementFlow.Engine.Measurements;
using ElementFlow.Rules;
using ElementFlow.Rules.Model;
using ElementFlow.Spatial;
using NetTopologySuite.IO;

namespace ElementFlow.Engine.Tests;

/// <summary>
/// No cascades from a broken layer: for every built-in rule and every layer it reads (its measurements'
/// declared inputs, in this plan, its parent or its children), a plan tree in which that layer could not be
/// read skips the rule for the plan, and the rule reports nothing there. A second test keeps the declared
/// inputs honest: measurements read no layer they do not declare.
/// </summary>
public sealed class NoCascadeTests
{
    private static readonly WKTReader Wkt = new(GeometryServices.Services);
    private static readonly IReadOnlyList<RuleSpec> BuiltIn = RuleCatalog.Load([Path.Combine(RepoRoot(), "rules")]).Rules.ToList();
    private static readonly Checker Checker = new(BuiltIn);

    /// <summary>Every (rule, plan relation, layer role) a built-in rule reads, from the rule catalogue.</summary>
    public static TheoryData<string, string, string> Reads()
    {
        var data = new TheoryData<string, string, string>();
        // A check that applies only to plans with certain flows (FLOW-008's expansion ratio) does not apply to this
        // tree, which has none: it is not applicable there, not skipped.
        foreach (var (rule, relation, role) in Checker.Checks
                     .Where(c => c.Check.AppliesTo is not { Flows.Count: > 0 } && c.Rule.AppliesTo.Flows.Count == 0)
                     .SelectMany(c => c.Measurements.SelectMany(Declared).Select(i => (c.Rule.Id, i.Plan.ToString(), i.Role)))
                     .Distinct()
                     .Order())
        {
            data.Add(rule, relation, role);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public void BrokenLayer_SkipsTheRuleAndItReportsNothing(string rule, string relation, string role)
    {
        var spec = BuiltIn.Single(r => r.Id == rule);
        var level = Enum.GetValues<PlanLevel>().Where(l => l > PlanLevel.National).FirstOrDefault(l => spec.AppliesTo.Matches(l, PlanType.Overall) || spec.AppliesTo.Matches(l, PlanType.Detailed), PlanLevel.County);
        var type = spec.AppliesTo.Matches(level, PlanType.Overall) ? PlanType.Overall : PlanType.Detailed;
        var tree = Tree(level, type, Enum.Parse<PlanRelation>(relation), role);
        var self = tree.All.Single(p => p.Id == "self");

        var result = Checker.Check(tree).Single(r => r.Plan == self.Id);

        Assert.Contains(result.Skipped, s => s.Rule == rule && s.Reason.Contains(role, StringComparison.Ordinal));
        Assert.DoesNotContain(result.Findings, f => f.Rule == rule);
    }

    [Fact]
    public void Matrix_CoversEveryLayerRoleSomeRuleReads()
    {
        var roles = Reads().Select(r => (string)r[2]).ToHashSet();

        Assert.Superset(new HashSet<string> { "boundary", "ecological_redline", "permanent_basic_farmland", "urban_development_boundary", "zoning", "land_use", "facilities", "residential", "subdistricts" }, roles);
    }

    [Fact]
    public void Measurements_ReadOnlyTheLayersTheyDeclare()
    {
        var undeclared = new List<string>();
        foreach (var m in Checker.Checks.SelectMany(c => c.Measurements).DistinctBy(m => m.Key))
        {
            if (ReadsEveryLayer(m)) continue;
            var tree = Tree(PlanLevel.County, PlanType.Overall, PlanRelation.Self, null);
            var scopes = new ScopeSet(tree, CheckOptions.Today);
            var self = scopes[tree.All.Single(p => p.Id == "self")];
            var read = new System.Collections.Concurrent.ConcurrentBag<(PlanRelation, string)>();
            PlanScope.Reading.Value = (scope, role) => read.Add((
                ReferenceEquals(scope, self) ? PlanRelation.Self : ReferenceEquals(scope, self.Parent) ? PlanRelation.Parent : PlanRelation.Children, role));
            try
            {
                m.Run(self);
            }
            catch (Exception)
            {
                // The reads made before a failure still count; a failure on this synthetic tree skips the rule in a real run.
            }
            finally
            {
                PlanScope.Reading.Value = null;
            }

            var declared = Declared(m).Select(i => (i.Plan, i.Role)).ToHashSet();
            undeclared.AddRange(read.Distinct().Where(r => !declared.Contains(r)).Select(r => $"{m.Key} reads {r.Item2} of {r.Item1}"));
        }

        Assert.Empty(undeclared);
    }

    /// <summary>Measurements that go through every layer the plan holds (validity, facts of all layers, required): a broken layer simply is not among them.</summary>
    private static bool ReadsEveryLayer(Measurement m) =>
        m is ValidityMeasurement or RequiredMeasurement || m is FactsMeasurement { LayerFilter: null } || m.Key.StartsWith("outside:all:", StringComparison.Ordinal);

    private static IEnumerable<LayerInput> Declared(Measurement m) => m is FactsMeasurement { LayerFilter: { } filter }
        ? m.Inputs.Concat(filter.Select(LayerInput.Own))
        : m.Inputs;

    /// <summary>A parent, the plan (id <c>self</c>) and one overall child, every layer present with one feature; <paramref name="broken"/> could not be read in the plan <paramref name="where"/> names.</summary>
    private static PlanTree Tree(PlanLevel level, PlanType type, PlanRelation where, string? broken)
    {
        var parent = Plan("parent", level - 1, PlanType.Overall, "330100", where == PlanRelation.Parent ? broken : null);
        var self = Plan("self", level, type, "330122", where == PlanRelation.Self ? broken : null) with { Parent = "../parent" };
        var child = Plan("child", level == PlanLevel.Township ? level : level + 1, PlanType.Overall, "330122101", where == PlanRelation.Children ? broken : null) with { Parent = "../self" };
        var tree = new PlanTree();
        tree.Add(parent, isChecked: false);
        tree.Add(self, isChecked: true);
        tree.Add(child, isChecked: false);
        tree.Link(self, parent);
        tree.Link(child, self);
        return tree;
    }

    private static Plan Plan(string id, PlanLevel level, PlanType type, string region, string? broken) => new()
    {
        Id = id,
        Name = LocalizedText.Same(id),
        Level = level,
        Type = type,
        Region = new Region(region, id),
        Crs = new CrsInfo("EPSG:4527", 4527),
        Path = id,
        Layers = LayerRole.All.Where(r => r.Name != broken).ToDictionary(r => r.Name, Layer),
        Indicators = IndicatorCatalog.All.ToDictionary(i => i.Key, i => new Indicator(i.Key, new Quantity(1, i.Unit), 1)),
        BrokenLayers = broken is null ? [] : [broken],
    };

    private static Layer Layer(LayerRole role)
    {
        const string square = "POLYGON ((39500000 3300000, 39501000 3300000, 39501000 3301000, 39500000 3301000, 39500000 3300000))";
        var wkt = (role.Geometry & GeometryKinds.Polygon) != 0 ? square : "LINESTRING (39500000 3300000, 39501000 3301000)";
        var attributes = new Dictionary<string, object?>
        {
            ["code"] = "0701", ["zone"] = "concentrated", ["kind"] = "clinic", ["population"] = 100.0, ["name"] = "x",
        };
        return new Layer(role, $"layers/{role.Name}.geojson", [new Feature("F1", Wkt.Read(wkt), attributes, 1)]);
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ElementFlow.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
