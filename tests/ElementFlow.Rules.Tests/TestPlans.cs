using ElementFlow.Core.Planning;
using ElementFlow.Core.Text;
using ElementFlow.Rules.Facts;
using NetTopologySuite.IO;

namespace ElementFlow.Rules.Tests;

/// <summary>Minimal plans and facts for expression tests.</summary>
internal static class TestPlans
{
    private static readonly WKTReader Reader = new();

    public static Plan Plan(PlanLevel level = PlanLevel.City, PlanType type = PlanType.Overall, int epsg = 4527) => new()
    {
        Id = "qinghe-city",
        Name = new LocalizedText("清河市国土空间总体规划", "Qinghe city overall plan"),
        Level = level,
        Type = type,
        Region = new Region("330100", "清河市"),
        Crs = new CrsInfo($"EPSG:{epsg}", epsg),
        Path = "example-plans/qinghe-city",
    };

    /// <summary>A land-use feature with its code and any other attributes.</summary>
    public static FeatureFact LandUse(string id, string wkt, string? code, params (string Name, object? Value)[] attributes)
    {
        var values = attributes.ToDictionary(a => a.Name, a => a.Value);
        if (code is not null) values["code"] = code;
        return new FeatureFact(new PlanFact(Plan()), LayerRole.LandUse, new Feature(id, Reader.Read(wkt), values, 1));
    }
}
