using System.Text;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Shapefiles.Writers;

namespace ElementFlow.Cli.Tests.Corpus;

/// <summary>
/// Text encodings: GBK attribute text declared as UTF-8 and the reverse (shapefile .cpg and GeoJSON),
/// unknown encoding names, plan.yaml not in UTF-8; and broken shapefiles (truncated, companions missing).
/// </summary>
public static class EncodingCases
{
    private const string Shp = "pkg/layers/zoning.shp";

    /// <summary>A zoning zone written in Chinese (城镇发展区 = urban_development), so a wrong decoding makes an unknown zone.</summary>
    private const string Zone = "城镇发展区";

    static EncodingCases() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static Encoding Gbk => Encoding.GetEncoding(936);

    private static readonly Encoding Utf8 = new UTF8Encoding(false);

    private const string Esri4527 = """PROJCS["CGCS2000_3_Degree_GK_Zone_39",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",39500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]""";

    private const string EsriWgs84 = """GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]""";
    private const string Esri4490 = """GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]""";

    /// <summary>The base package plus a zoning layer as a shapefile, its text in <paramref name="encoding"/>, with .cpg <paramref name="cpg"/> (null: none).</summary>
    private static CaseFolder ZoningShapefile(CaseFolder f, Encoding encoding, string? cpg, string zone = Zone, string entry = "layers/zoning.shp", int count = 1)
    {
        f.Base(plan: Samples.Plan().Replace("layers:\n", $"layers:\n  zoning: {entry}\n"));
        var path = f.Full(Shp);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new ShapefileWriterOptions(ShapeType.Polygon) { Encoding = encoding, Projection = Esri4527 };
        options.AddCharacterField("ID", 10);
        options.AddCharacterField("ZONE", 40);
        var factory = new GeometryFactory();
        using (var writer = Shapefile.OpenWrite(path, options))
        {
            var width = 1000.0 / count;
            for (var i = 0; i < count; i++)
            {
                var x = Samples.X + i * width;
                writer.Geometry = factory.CreatePolygon([
                    new Coordinate(x, Samples.Y), new Coordinate(x + width, Samples.Y), new Coordinate(x + width, Samples.Y + 1000),
                    new Coordinate(x, Samples.Y + 1000), new Coordinate(x, Samples.Y)]);
                writer.Fields[0].Value = $"Z{i + 1}";
                writer.Fields[1].Value = zone;
                writer.Write();
            }
        }

        var cpgPath = Path.ChangeExtension(path, ".cpg");
        if (cpg is null) File.Delete(cpgPath);
        else File.WriteAllText(cpgPath, cpg);
        return f;
    }

    public static IEnumerable<CorpusCase> All() => Encodings().Concat(Shapefiles());

    /// <summary>The base package with a zoning shapefile in UTF-8 (for other themes).</summary>
    internal static CaseFolder ZoningShapefile(CaseFolder f, int count = 1) => ZoningShapefile(f, Utf8, "UTF-8", zone: "urban_development", count: count);

    private static IEnumerable<CorpusCase> Encodings()
    {
        yield return new CorpusCase("encoding/shp-gbk-declared-utf8")
        {
            Build = f => ZoningShapefile(f, Gbk, "UTF-8"),
            Exit = 1,
            Report = [Expect.Finding("DATA-009", "zoning/Z1")],
        };
        yield return new CorpusCase("encoding/shp-utf8-declared-gbk")
        {
            Build = f => ZoningShapefile(f, Utf8, "GBK"),
            Exit = 1,
            Report = [Expect.Finding("DATA-009", "zoning/Z1")],
        };
        yield return new CorpusCase("encoding/shp-gbk-declared-gbk")
        {
            Build = f => ZoningShapefile(f, Gbk, "GBK"),
            Exit = 0,
            Tolerated = true,
            Report = ["No findings"],
        };
        yield return new CorpusCase("encoding/shp-gbk-declared-cp936")
        {
            Build = f => ZoningShapefile(f, Gbk, "ANSI 936"),
            Exit = 0,
            Tolerated = true,
            Report = ["No findings"],
        };
        yield return new CorpusCase("encoding/shp-gbk-without-cpg")
        {
            Build = f => ZoningShapefile(f, Gbk, null),
            Exit = 0,
            Tolerated = true,
            Report = ["No findings"],
        };
        yield return new CorpusCase("encoding/shp-cpg-names-no-encoding")
        {
            Build = f => ZoningShapefile(f, Gbk, "KLINGON-8"),
            Exit = 0,
            Tolerated = true,
            Console = [Expect.Warning("pkg/layers/zoning.shp", @"layer\.cpg-unknown", "KLINGON-8")],
        };
        yield return new CorpusCase("encoding/shp-cpg-is-binary")
        {
            Build = f => ZoningShapefile(f, Gbk, "\u0001\u0002\u0003"),
            Exit = 0,
            Tolerated = true,
            Console = [Expect.Warning("pkg/layers/zoning.shp", @"layer\.cpg-unknown", "unknown encoding '\\?\\?\\?'")],
        };
        yield return new CorpusCase("encoding/plan-overrides-wrong-cpg")
        {
            Build = f => ZoningShapefile(f, Gbk, "UTF-8", entry: "{ file: layers/zoning.shp, encoding: gbk }"),
            Exit = 0,
            Tolerated = true,
            Report = ["No findings"],
        };
        yield return new CorpusCase("encoding/plan-names-unknown-encoding")
        {
            Rules = CaseRules.Minimal,
            Build = f => ZoningShapefile(f, Gbk, "GBK", entry: "{ file: layers/zoning.shp, encoding: klingon }"),
            Exit = 2,
            Console = [Expect.Error("pkg/layers/zoning.shp", @"layer\.unreadable", "klingon")],
        };
        yield return new CorpusCase("encoding/geojson-in-gbk")
        {
            Rules = CaseRules.Minimal,
            Build = f => f.Base().Bytes("pkg/layers/erl.geojson", Gbk.GetBytes(Samples.Collection(Samples.Square("E1", Samples.X + 100, Samples.Y + 100, 200, """{"name":"生态保护红线"}""")))),
            Exit = 2,
            Console = [Expect.Error("pkg/layers/erl.geojson", @"layer\.unreadable", "UTF-8")],
        };
        yield return new CorpusCase("encoding/geojson-latin1-byte")
        {
            Rules = CaseRules.Minimal,
            Build = f => f.Base().Bytes("pkg/layers/erl.geojson", Encoding.Latin1.GetBytes(Samples.Collection(Samples.Square("E1", Samples.X + 100, Samples.Y + 100, 200, """{"name":"Forêt"}""")))),
            Exit = 2,
            Console = [Expect.Error("pkg/layers/erl.geojson", @"layer\.unreadable", "UTF-8")],
        };
        yield return new CorpusCase("encoding/geojson-gbk-in-an-id")
        {
            Rules = CaseRules.Minimal,
            Build = f => f.Base().Bytes("pkg/layers/erl.geojson", Gbk.GetBytes(Samples.Collection(Samples.Square("红线1", Samples.X + 100, Samples.Y + 100, 200)))),
            Exit = 2,
            Console = [Expect.Error("pkg/layers/erl.geojson", @"layer\.unreadable", "UTF-8")],
        };
        yield return new CorpusCase("encoding/geojson-utf16")
        {
            Rules = CaseRules.Minimal,
            Build = f => f.Base().Bytes("pkg/layers/erl.geojson", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Samples.RedLine)]),
            Exit = 2,
            Console = [Expect.Error("pkg/layers/erl.geojson", @"layer\.unreadable")],
        };
        yield return new CorpusCase("encoding/plan-yaml-in-gbk")
        {
            Rules = CaseRules.Minimal,
            Build = f => f.Base().Bytes("pkg/plan.yaml", Gbk.GetBytes(Samples.Plan())),
            Exit = 2,
            Console = [Expect.ErrorAtLine("pkg/plan.yaml", @"yaml\.not-unicode", "UTF-8")],
        };
        yield return new CorpusCase("encoding/plan-yaml-gbk-only-in-the-region-name")
        {
            Rules = CaseRules.Minimal,
            Build = f => f.Base().Bytes("pkg/plan.yaml", Gbk.GetBytes(Samples.Plan().Replace("zh: 语料规划", "zh: corpus"))),
            Exit = 2,
            Console = [@"pkg/plan\.yaml:6: error yaml\.not-unicode"],
        };
    }

    private static IEnumerable<CorpusCase> Shapefiles()
    {
        CorpusCase Broken(string name, Action<CaseFolder> damage, string detail = "") => new($"shapefile/{name}")
        {
            Rules = CaseRules.Minimal,
            Build = f => damage(ZoningShapefile(f, Utf8, "UTF-8", zone: "urban_development")),
            Exit = 2,
            Console = [Expect.Error("pkg/layers/zoning.shp", @"layer\.unreadable", detail)],
        };
        void Truncate(CaseFolder f, string extension, double keep)
        {
            var path = Path.ChangeExtension(f.Full(Shp), extension);
            var bytes = File.ReadAllBytes(path);
            File.WriteAllBytes(path, bytes[..(int)(bytes.Length * keep)]);
        }

        yield return Broken("shp-truncated-in-the-header", f => Truncate(f, ".shp", 0.3), "cut off");
        yield return Broken("shp-truncated-in-a-record", f => Truncate(f, ".shp", 0.8), "cut off");
        yield return Broken("shp-empty", f => Truncate(f, ".shp", 0), "cut off");
        yield return Broken("shp-garbage", f => f.Bytes(Shp, PlanYamlCases.Garbage(500, seed: 3)), "shapefile");
        yield return Broken("dbf-missing", f => File.Delete(Path.ChangeExtension(f.Full(Shp), ".dbf")), "\\.dbf file .* missing");
        yield return Broken("dbf-truncated", f => Truncate(f, ".dbf", 0.5));
        yield return Broken("dbf-garbage", f => f.Bytes("pkg/layers/zoning.dbf", PlanYamlCases.Garbage(300, seed: 4)));
        yield return new CorpusCase("shapefile/shx-missing")
        {
            Build = f => File.Delete(Path.ChangeExtension(ZoningShapefile(f, Utf8, "UTF-8", zone: "urban_development").Full(Shp), ".shx")),
            Exit = 0,
            Tolerated = true,
            Report = ["No findings"],
        };
        yield return new CorpusCase("shapefile/prj-of-another-crs")
        {
            // A CRS outside CGCS2000 is refused; another CGCS2000 CRS would be reprojected (DESIGN §6).
            Build = f => ZoningShapefile(f, Utf8, "UTF-8", zone: "urban_development").Text("pkg/layers/zoning.prj", EsriWgs84),
            Exit = 2,
            Console = [Expect.Error("pkg/layers/zoning.shp", @"layer\.crs-mismatch", "EPSG:4326")],
        };
        yield return new CorpusCase("shapefile/prj-garbage")
        {
            Build = f => ZoningShapefile(f, Utf8, "UTF-8", zone: "urban_development").Text("pkg/layers/zoning.prj", "this is not WKT"),
            Exit = 0,
            Tolerated = true,
            Report = ["No findings"],
        };
    }
}
