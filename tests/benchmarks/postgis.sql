-- The SQL equivalents of the spatial rules elementflow runs, on the tables ogr2ogr loads from plan.gpkg.
-- (a.fid + 0 < b.fid + 0 keeps the planner from intersecting the GiST scan with a primary-key range scan,
-- which made the 100k self-join quadratic: 95 s.)
-- Each query counts the findings it would report (overlap or outside area above the 1 m² tolerance).
-- run.sh prints the time of each statement (\timing); the sum of the query times is "PostGIS query time".
\timing on
\echo index
CREATE INDEX ON ghydyh USING gist (geom);
CREATE INDEX ON ghfq USING gist (geom);
CREATE INDEX ON stbhhx USING gist (geom);
CREATE INDEX ON yjjbnt USING gist (geom);
CREATE INDEX ON czkfbj USING gist (geom);
CREATE INDEX ON ghfw USING gist (geom);
ANALYZE;

\echo LINE-001 red line overlaps basic farmland
SELECT count(*) FROM (SELECT ST_Area(ST_Intersection(a.geom, b.geom)) AS area FROM stbhhx a JOIN yjjbnt b
  ON a.geom && b.geom AND ST_Relate(a.geom, b.geom, 'T********')) s WHERE area > 1;

\echo LINE-002 urban development boundary overlaps basic farmland
SELECT count(*) FROM (SELECT ST_Area(ST_Intersection(a.geom, b.geom)) AS area FROM czkfbj a JOIN yjjbnt b
  ON a.geom && b.geom AND ST_Relate(a.geom, b.geom, 'T********')) s WHERE area > 1;

\echo LINE-003 urban development boundary overlaps the red line
SELECT count(*) FROM (SELECT ST_Area(ST_Intersection(a.geom, b.geom)) AS area FROM czkfbj a JOIN stbhhx b
  ON a.geom && b.geom AND ST_Relate(a.geom, b.geom, 'T********')) s WHERE area > 1;

\echo DATA-005 land-use parcels overlap each other
SELECT count(*) FROM (SELECT ST_Area(ST_Intersection(a.geom, b.geom)) AS area FROM ghydyh a JOIN ghydyh b
  ON a.fid + 0 < b.fid + 0 AND a.geom && b.geom AND ST_Relate(a.geom, b.geom, 'T********')) s WHERE area > 1;

\echo DATA-005 zoning polygons overlap each other
SELECT count(*) FROM (SELECT ST_Area(ST_Intersection(a.geom, b.geom)) AS area FROM ghfq a JOIN ghfq b
  ON a.fid + 0 < b.fid + 0 AND a.geom && b.geom AND ST_Relate(a.geom, b.geom, 'T********')) s WHERE area > 1;

\echo DATA-006 gaps in the land-use layer inside the boundary
SELECT count(*) FROM (SELECT (ST_Dump(ST_Difference(b.geom, u.geom))).geom AS part
  FROM ghfw b, (SELECT ST_Union(geom) AS geom FROM ghydyh) u) s WHERE ST_Area(part) > 1;

\echo DATA-006 gaps in the zoning layer inside the boundary
SELECT count(*) FROM (SELECT (ST_Dump(ST_Difference(b.geom, u.geom))).geom AS part
  FROM ghfw b, (SELECT ST_Union(geom) AS geom FROM ghfq) u) s WHERE ST_Area(part) > 1;

\echo LINE-006 urban housing outside the urban development boundary
SELECT count(*) FROM (SELECT ST_Area(ST_Difference(l.geom, (SELECT ST_Union(u.geom) FROM czkfbj u WHERE ST_Intersects(u.geom, l.geom)))) AS area
  FROM ghydyh l WHERE l.code LIKE '0701%' AND NOT EXISTS (SELECT 1 FROM czkfbj u WHERE ST_Covers(u.geom, l.geom))) s
  WHERE area IS NULL OR area > 1;

\echo DATA-010 features outside the plan boundary (polygon layers)
SELECT count(*) FROM (
  SELECT geom FROM ghydyh UNION ALL SELECT geom FROM ghfq UNION ALL SELECT geom FROM stbhhx
  UNION ALL SELECT geom FROM yjjbnt UNION ALL SELECT geom FROM czkfbj) f, ghfw b
  WHERE NOT ST_Covers(b.geom, f.geom) AND ST_Area(ST_Difference(f.geom, b.geom)) > 1;
