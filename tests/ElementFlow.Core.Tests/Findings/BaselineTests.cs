using ElementFlow.Core.Findings;
using ElementFlow.Core.Text;

namespace ElementFlow.Core.Tests.Findings;

public sealed class BaselineTests
{
    private static Finding F(string rule, double value, params string[] subjects) => new()
    {
        Rule = rule,
        Severity = Severity.Error,
        Plan = "p",
        MessageTemplate = LocalizedText.Same($"value {value}"),
        Subjects = subjects.Select(s => new Subject(s.Split('/')[0], s.Split('/')[1])).ToList(),
        Measure = new Measure("overlap_area_m2", value, 1),
    };

    [Fact]
    public void Key_SubjectsInAnyOrder_AreTheSameKey()
    {
        var a = FindingKey.Of(F("LINE-001", 5, "ecological_redline/E1", "permanent_basic_farmland/P1"));
        var b = FindingKey.Of(F("LINE-001", 9, "permanent_basic_farmland/P1", "ecological_redline/E1"));

        Assert.Equal(a, b);
        Assert.Equal("LINE-001|p|ecological_redline/E1|permanent_basic_farmland/P1", a.ToString());
    }

    [Fact]
    public void Compare_ChangedValueSameSubjects_IsUnchanged()
    {
        var previous = new[] { FindingKey.Of(F("LINE-001", 5, "ecological_redline/E1")) };

        var (fresh, summary) = Baseline.Compare([F("LINE-001", 7, "ecological_redline/E1")], previous);

        Assert.Empty(fresh);
        Assert.Equal(new BaselineSummary(0, 0, 1), summary);
    }

    [Fact]
    public void Compare_NewFixedAndUnchanged_AreCounted()
    {
        var previous = new[]
        {
            FindingKey.Create("LINE-001", "p", ["ecological_redline/E1"]),
            FindingKey.Create("LINE-002", "p", ["urban_development_boundary/U1"]),
        };
        var current = new[] { F("LINE-001", 1, "ecological_redline/E1"), F("LINE-001", 1, "ecological_redline/E2") };

        var (fresh, summary) = Baseline.Compare(current, previous);

        Assert.Equal("ecological_redline/E2", Assert.Single(fresh).Subjects[0].ToString());
        Assert.Equal(new BaselineSummary(1, 1, 1), summary);
    }

    [Fact]
    public void Compare_SameKeyTwiceAgainstOnce_LeavesOneNew()
    {
        var previous = new[] { FindingKey.Create("DATA-004", "p", ["land_use/L1"]) };

        var (fresh, summary) = Baseline.Compare([F("DATA-004", 1, "land_use/L1"), F("DATA-004", 2, "land_use/L1")], previous);

        Assert.Single(fresh);
        Assert.Equal(new BaselineSummary(1, 0, 1), summary);
    }
}
