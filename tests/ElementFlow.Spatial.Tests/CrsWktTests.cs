using ElementFlow.Spatial;

namespace ElementFlow.Spatial.Tests;

public class CrsWktTests
{
    [Theory]
    [InlineData("""PROJCS["CGCS2000_3_Degree_GK_Zone_39",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",39500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]""", 4527)]
    [InlineData("""PROJCS["CGCS2000_3_Degree_GK_CM_117E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]""", 4548)]
    [InlineData("""PROJCS["CGCS2000 / 3-degree Gauss-Kruger zone 40",GEOGCS["China Geodetic Coordinate System 2000",AUTHORITY["EPSG","4490"]],PROJECTION["Transverse_Mercator"],PARAMETER["central_meridian",120],PARAMETER["false_easting",40500000],UNIT["metre",1],AUTHORITY["EPSG","4528"]]""", 4528)]
    [InlineData("""PROJCRS["CGCS2000 / 3-degree Gauss-Kruger zone 39",BASEGEOGCRS["China Geodetic Coordinate System 2000",DATUM["China 2000"]],ID["EPSG",4527]]""", 4527)]
    [InlineData("""GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]""", 4490)]
    [InlineData("""GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]""", 4326)]
    [InlineData("""PROJCS["Xian_1980_3_Degree_GK_Zone_39",GEOGCS["GCS_Xian_1980"],PARAMETER["False_Easting",39500000.0],PARAMETER["Central_Meridian",117.0]]""", 0)]
    [InlineData("", 0)]
    public void Epsg_KnownSpellings_NameTheCode(string wkt, int epsg)
    {
        Assert.Equal(epsg, CrsWkt.Epsg(wkt));
    }
}
