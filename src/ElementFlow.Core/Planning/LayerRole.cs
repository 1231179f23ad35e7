namespace ElementFlow.Core.Planning;

/// <summary>What geometry a layer role carries.</summary>
[Flags]
public enum GeometryKinds
{
    None = 0,
    Point = 1,
    Line = 2,
    Polygon = 4,
}

/// <summary>
/// A layer role of a plan package (DESIGN §2), with the names real plan databases use for it.
/// </summary>
/// <param name="Name">Our role name, as written in <c>plan.yaml</c>.</param>
/// <param name="Geometry">Geometry kinds the role accepts.</param>
/// <param name="ClassifyingAttribute">The attribute that classifies a feature (land-use code, zone, kind), if any.</param>
/// <param name="Aliases">Standard layer names of Chinese plan databases (DOMAIN §2).</param>
/// <param name="Zh">The Chinese name.</param>
public sealed record LayerRole(string Name, GeometryKinds Geometry, string? ClassifyingAttribute, IReadOnlyList<string> Aliases, string Zh)
{
    public static readonly LayerRole Boundary = new("boundary", GeometryKinds.Polygon, null, ["XZQ", "GHFW"], "规划范围");
    public static readonly LayerRole EcologicalRedLine = new("ecological_redline", GeometryKinds.Polygon, null, ["STBHHX"], "生态保护红线");
    public static readonly LayerRole PermanentBasicFarmland = new("permanent_basic_farmland", GeometryKinds.Polygon, null, ["YJJBNT", "YJJBNTBHTB"], "永久基本农田");
    public static readonly LayerRole UrbanDevelopmentBoundary = new("urban_development_boundary", GeometryKinds.Polygon, "zone", ["CZKFBJ"], "城镇开发边界");
    public static readonly LayerRole Zoning = new("zoning", GeometryKinds.Polygon, "zone", ["GHFQ"], "规划分区");
    public static readonly LayerRole LandUse = new("land_use", GeometryKinds.Polygon, "code", ["GHYDYH", "ZXCQGHYDYH"], "规划用地用海");
    public static readonly LayerRole Facilities = new("facilities", GeometryKinds.Point | GeometryKinds.Polygon, "kind", [], "公共服务设施");
    public static readonly LayerRole Residential = new("residential", GeometryKinds.Point | GeometryKinds.Polygon, null, [], "居住区");
    public static readonly LayerRole Subdistricts = new("subdistricts", GeometryKinds.Polygon, null, [], "街道（乡镇）");
    public static readonly LayerRole Roads = new("roads", GeometryKinds.Line | GeometryKinds.Polygon, null, [], "道路");
    public static readonly LayerRole Water = new("water", GeometryKinds.Line | GeometryKinds.Polygon, null, [], "水系");

    /// <summary>Enclaves (飞地): polygons with <c>host</c> and <c>home</c> region codes and <c>counted_by</c> (host | home).</summary>
    public static readonly LayerRole Enclaves = new("enclaves", GeometryKinds.Polygon, null, [], "飞地");

    public static IReadOnlyList<LayerRole> All { get; } =
    [
        Boundary, EcologicalRedLine, PermanentBasicFarmland, UrbanDevelopmentBoundary, Zoning,
        LandUse, Facilities, Residential, Subdistricts, Roads, Water, Enclaves,
    ];

    /// <summary>Finds a role by our name or by a standard database layer name, ignoring case.</summary>
    public static LayerRole? Find(string? name) =>
        name is null ? null : All.FirstOrDefault(r =>
            string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)
            || r.Aliases.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase)));

    public override string ToString() => Name;
}
