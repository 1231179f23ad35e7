using ElementFlow.Rules.Model;

namespace ElementFlow.Engine.Measurements;

/// <summary>
/// One series of a coverage: a target group on its own, or all groups together (<c>per: all</c>),
/// with which homes it covers by the method in use.
/// </summary>
internal sealed class CoverageSeries
{
    private readonly Residents _homes;
    private readonly IReadOnlyList<Reach> _reach;

    private CoverageSeries(Residents homes, IReadOnlyList<Reach> reach, LayerSelector? group, string label, Core.Text.LocalizedText text)
    {
        _homes = homes;
        _reach = reach;
        Group = group;
        Label = label;
        Text = text;
        IsNetwork = reach[0].Network is not null;
    }

    /// <summary>The group, or null for a bundle of all groups.</summary>
    public LayerSelector? Group { get; }

    public string Label { get; }
    public Core.Text.LocalizedText Text { get; }
    public bool IsNetwork { get; }

    public static IEnumerable<CoverageSeries> Of(PlanScope scope, Residents homes, CoverageSpec spec)
    {
        var groups = spec.To.GroupSelectors;
        var reach = groups.Select(g => EquityInputs.ReachOf(scope, homes, g, spec)).ToList();
        if (spec.Per == CoveragePer.Kind)
        {
            return groups.Select((g, i) => new CoverageSeries(homes, [reach[i]], g, CoverageTarget.Label(g), EquityInputs.Describe(g)));
        }

        var text = new Core.Text.LocalizedText(
            string.Join("、", groups.Select(g => EquityInputs.Describe(g).Zh)),
            string.Join(", ", groups.Select(g => EquityInputs.Describe(g).En)));
        return [new CoverageSeries(homes, reach, null, "all", text)];
    }

    /// <summary>True when every group of the series is within reach of home <paramref name="i"/> by the method in use.</summary>
    public bool Covered(int i)
    {
        foreach (var r in _reach)
        {
            if (!double.IsFinite((r.Network ?? r.Straight)[i])) return false;
        }

        return true;
    }

    public bool CoveredStraight(int i)
    {
        foreach (var r in _reach)
        {
            if (!double.IsFinite(r.Straight[i])) return false;
        }

        return true;
    }

    /// <summary>The population share of some homes the series covers (the method in use); NaN when they have no residents.</summary>
    public double Share(IEnumerable<int> homes) => Weighted(homes, Covered);

    public double StraightShare(IEnumerable<int> homes) => Weighted(homes, CoveredStraight);

    private double Weighted(IEnumerable<int> homes, Func<int, bool> covered)
    {
        double total = 0, reached = 0;
        foreach (var i in homes)
        {
            total += _homes.Population[i];
            if (covered(i)) reached += _homes.Population[i];
        }

        return total > 0 ? reached / total : double.NaN;
    }
}
