using ElementFlow.Core.Planning;
using ElementFlow.Sources;

namespace ElementFlow.IO.Tests.Layers;

public sealed class FieldMappingTests
{
    [Fact]
    public void A_region_code_is_not_the_class_code_of_a_land_use_parcel()
    {
        var mapping = new FieldMapping(new Dictionary<string, string>(), LayerRole.LandUse);

        Assert.Equal(("code", "XZQDM"), (mapping.Ours("YDYHFLDM"), mapping.Ours("XZQDM")));
    }

    [Fact]
    public void A_region_code_is_the_code_of_a_boundary()
    {
        var mapping = new FieldMapping(new Dictionary<string, string>(), LayerRole.Boundary);

        Assert.Equal("code", mapping.Ours("XZQDM"));
    }

    [Fact]
    public void A_declared_field_wins_over_the_standard_name_for_the_same_attribute()
    {
        var mapping = new FieldMapping(new Dictionary<string, string> { ["id"] = "fid" }, LayerRole.LandUse);

        Assert.Equal(("id", "BSM"), (mapping.Ours("fid"), mapping.Ours("BSM")));
    }
}
