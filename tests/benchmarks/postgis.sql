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
CREATE INDEX ON facilities USING gist (geom);
CREATE INDEX ON residential USING gist (geom);
ANALYZE;

-- One semantics for invalid geometry, as elementflow has it: DATA-003 reports each invalid feature once
-- (with the location of the problem), and every other check measures it repaired (ST_MakeValid, keeping
-- the polygonal part), so no check draws area from a broken ring.
\echo DATA-003 invalid geometries, with where the problem is
SELECT count(*), count(location) FROM (SELECT (ST_IsValidDetail(geom)).location AS location FROM (SELECT geom FROM ghydyh UNION ALL SELECT geom FROM ghfq UNION ALL SELECT geom FROM stbhhx
  UNION ALL SELECT geom FROM yjjbnt UNION ALL SELECT geom FROM czkfbj UNION ALL SELECT geom FROM ghfw) f
  WHERE geom IS NULL OR ST_IsEmpty(geom) OR NOT ST_IsValid(geom)) s;

\echo DATA-003 repair invalid geometry before measuring (ST_MakeValid, polygonal part)
UPDATE ghydyh SET geom = ST_Multi(ST_CollectionExtract(ST_MakeValid(geom), 3)) WHERE NOT ST_IsValid(geom);
UPDATE ghfq SET geom = ST_Multi(ST_CollectionExtract(ST_MakeValid(geom), 3)) WHERE NOT ST_IsValid(geom);
UPDATE stbhhx SET geom = ST_Multi(ST_CollectionExtract(ST_MakeValid(geom), 3)) WHERE NOT ST_IsValid(geom);
UPDATE yjjbnt SET geom = ST_Multi(ST_CollectionExtract(ST_MakeValid(geom), 3)) WHERE NOT ST_IsValid(geom);
UPDATE czkfbj SET geom = ST_Multi(ST_CollectionExtract(ST_MakeValid(geom), 3)) WHERE NOT ST_IsValid(geom);
UPDATE ghfw SET geom = ST_Multi(ST_CollectionExtract(ST_MakeValid(geom), 3)) WHERE NOT ST_IsValid(geom);

\echo LINE-001 red line overlaps basic farmland
SELECT count(*) FROM (SELECT ST_Area(ST_Intersection(a.geom, b.geom)) AS area FROM stbhhx a JOIN yjjbnt b
  ON a.geom && b.geom AND ST_Relate(a.geom, b.geom, 'T********')) s WHERE area > 1;

\echo LINE-002 urban development boundary overlaps basic farmland
SELECT count(*) FROM (SELECT ST_Area(ST_Intersection(a.geom, b.geom)) AS area FROM czkfbj a JOIN yjjbnt b
  ON a.geom && b.geom AND ST_Relate(a.geom, b.geom, 'T********')) s WHERE area > 1;

\echo LINE-003 urban development boundary overlaps the red line
SELECT count(*) FROM (SELECT ST_Area(ST_Intersection(a.geom, b.geom)) AS area FROM czkfbj a JOIN stbhhx b
  ON a.geom && b.geom AND ST_Relate(a.geom, b.geom, 'T********')) s WHERE area > 1;

-- DATA-005 and DATA-006 write what they find (pairs with their overlap area; gaps with their area and
-- centroid) to the CSV files run.sh names, for compare_pairs.py; "COPY n" is the count.
\echo DATA-005 land-use parcels overlap each other
COPY (SELECT a_id, b_id, area FROM (SELECT a.id AS a_id, b.id AS b_id, ST_Area(ST_Intersection(a.geom, b.geom)) AS area FROM ghydyh a JOIN ghydyh b
  ON a.fid + 0 < b.fid + 0 AND a.geom && b.geom AND ST_Relate(a.geom, b.geom, 'T********')) s WHERE area > 1) TO :'lu_pairs' CSV;

\echo DATA-005 zoning polygons overlap each other
COPY (SELECT a_id, b_id, area FROM (SELECT a.id AS a_id, b.id AS b_id, ST_Area(ST_Intersection(a.geom, b.geom)) AS area FROM ghfq a JOIN ghfq b
  ON a.fid + 0 < b.fid + 0 AND a.geom && b.geom AND ST_Relate(a.geom, b.geom, 'T********')) s WHERE area > 1) TO :'zo_pairs' CSV;

\echo DATA-006 gaps in the land-use layer inside the boundary
COPY (SELECT ST_Area(part), ST_X(ST_Centroid(part)), ST_Y(ST_Centroid(part)) FROM (SELECT (ST_Dump(ST_Difference(b.geom, u.geom))).geom AS part
  FROM ghfw b, (SELECT ST_Union(geom) AS geom FROM ghydyh) u) s WHERE ST_Area(part) > 1) TO :'lu_gaps' CSV;

\echo DATA-006 gaps in the zoning layer inside the boundary
COPY (SELECT ST_Area(part), ST_X(ST_Centroid(part)), ST_Y(ST_Centroid(part)) FROM (SELECT (ST_Dump(ST_Difference(b.geom, u.geom))).geom AS part
  FROM ghfw b, (SELECT ST_Union(geom) AS geom FROM ghfq) u) s WHERE ST_Area(part) > 1) TO :'zo_gaps' CSV;

\echo LINE-006 urban housing outside the urban development boundary
SELECT count(*) FROM (SELECT ST_Area(ST_Difference(l.geom, (SELECT ST_Union(u.geom) FROM czkfbj u WHERE ST_Intersects(u.geom, l.geom)))) AS area
  FROM ghydyh l WHERE l.code LIKE '0701%' AND NOT EXISTS (SELECT 1 FROM czkfbj u WHERE ST_Covers(u.geom, l.geom))) s
  WHERE area IS NULL OR area > 1;

\echo DATA-010 features outside the plan boundary (polygon layers)
SELECT count(*) FROM (
  SELECT geom FROM ghydyh UNION ALL SELECT geom FROM ghfq UNION ALL SELECT geom FROM stbhhx
  UNION ALL SELECT geom FROM yjjbnt UNION ALL SELECT geom FROM czkfbj) f, ghfw b
  WHERE NOT ST_Covers(b.geom, f.geom) AND ST_Area(ST_Difference(f.geom, b.geom)) > 1;

-- The rules added since the first benchmark (use control, elasticity, equity, the rest of data quality),
-- so that both sides do the same work: every spatial or per-feature rule elementflow runs on the plan.

\echo DATA-001 features outside the CRS zone (EPSG:4527: zone 39, false easting 39 500 000)
SELECT count(*) FROM (SELECT geom FROM ghydyh UNION ALL SELECT geom FROM ghfq UNION ALL SELECT geom FROM stbhhx
  UNION ALL SELECT geom FROM yjjbnt UNION ALL SELECT geom FROM czkfbj UNION ALL SELECT geom FROM ghfw) f
  WHERE ST_XMin(geom) < 39000000 OR ST_XMax(geom) > 40000000 OR ST_YMin(geom) < 0 OR ST_YMax(geom) > 10000000;

\echo DATA-007 slivers under 200 m2
SELECT count(*) FROM (SELECT geom FROM ghydyh UNION ALL SELECT geom FROM ghfq UNION ALL SELECT geom FROM stbhhx
  UNION ALL SELECT geom FROM yjjbnt UNION ALL SELECT geom FROM czkfbj) f
  WHERE ST_Area(geom) > 0 AND ST_Area(geom) < 200;

\echo LINE-005 urban development boundary parts overlap each other
SELECT count(*) FROM (SELECT ST_Area(ST_Intersection(a.geom, b.geom)) AS area FROM czkfbj a JOIN czkfbj b
  ON a.fid + 0 < b.fid + 0 AND a.geom && b.geom AND ST_Relate(a.geom, b.geom, 'T********')) s WHERE area > 1;

\echo LINE-007 construction land on the ecological red line
SELECT count(*) FROM (SELECT ST_Area(ST_Intersection(a.geom, b.geom)) AS area FROM stbhhx a JOIN ghydyh b
  ON a.geom && b.geom AND substr(b.code, 1, 2) BETWEEN '06' AND '16' AND ST_Relate(a.geom, b.geom, 'T********')) s WHERE area > 1;

\echo LINE-008 basic farmland used for anything but farming
SELECT count(*) FROM (SELECT ST_Area(ST_Intersection(a.geom, b.geom)) AS area FROM yjjbnt a JOIN ghydyh b
  ON a.geom && b.geom AND b.code NOT LIKE '01%' AND ST_Relate(a.geom, b.geom, 'T********')) s WHERE area > 1;

\echo ELAS-004 reserved land outside the urban development boundary and rural development zones
SELECT count(*) FROM (SELECT ST_Area(ST_Difference(l.geom, (SELECT ST_Union(c.geom) FROM (
    SELECT geom FROM czkfbj UNION ALL SELECT geom FROM ghfq WHERE zone = 'rural_development') c WHERE ST_Intersects(c.geom, l.geom)))) AS area
  FROM ghydyh l WHERE l.code LIKE '16%'
    AND NOT EXISTS (SELECT 1 FROM czkfbj u WHERE ST_Covers(u.geom, l.geom))
    AND NOT EXISTS (SELECT 1 FROM ghfq z WHERE z.zone = 'rural_development' AND ST_Covers(z.geom, l.geom))) s
  WHERE area IS NULL OR area > 1;

\echo USE-001 land use not permitted in its planning zone (the zone x use matrix of rules/use.yaml)
SELECT count(*) FROM (SELECT ST_Area(ST_Intersection(l.geom, z.geom)) AS area FROM ghydyh l JOIN ghfq z
  ON l.geom && z.geom AND ST_Relate(l.geom, z.geom, 'T********')
  WHERE (z.zone = 'ecological_protection' AND substr(l.code, 1, 2) BETWEEN '06' AND '16')
     OR (z.zone = 'farmland_protection' AND substr(l.code, 1, 2) NOT IN ('01', '02', '03', '04', '05', '06', '17', '23'))
     OR (z.zone = 'rural_development' AND substr(l.code, 1, 4) IN ('0701', '0702'))) s WHERE area > 1;

\echo EQUI-001 residents within 1000 m of each kind of facility (clinic or health centre, elderly care, primary school, culture, sports)
SELECT k.kinds, sum(r.population) FILTER (WHERE EXISTS (SELECT 1 FROM facilities f WHERE f.kind = ANY (k.kinds) AND ST_DWithin(f.geom, r.geom, 1000)))
  FROM residential r, (VALUES (ARRAY['clinic', 'health_centre']), (ARRAY['elderly_care']), (ARRAY['primary_school']), (ARRAY['culture']), (ARRAY['sports'])) k(kinds)
  GROUP BY k.kinds;

\echo EQUI-006 residents within 300 m of a park of 400 m2 and 500 m of a park of 1 ha
SELECT sum(r.population) FILTER (WHERE EXISTS (SELECT 1 FROM ghydyh p WHERE (p.code LIKE '1401%' OR p.code LIKE '1403%') AND ST_Area(p.geom) >= 400 AND ST_DWithin(p.geom, r.geom, 300))),
       sum(r.population) FILTER (WHERE EXISTS (SELECT 1 FROM ghydyh p WHERE p.code LIKE '1401%' AND ST_Area(p.geom) >= 10000 AND ST_DWithin(p.geom, r.geom, 500)))
  FROM residential r;

\echo EQUI-009 share of the shore inside the urban development boundary bordered by public land
WITH body AS (SELECT ST_Intersection(ST_Union(w.geom), (SELECT ST_Union(geom) FROM czkfbj)) AS geom FROM ghydyh w WHERE w.code LIKE '17%'),
     shore AS (SELECT (ST_Dump(ST_Boundary(geom))).geom AS geom FROM body),
     edges AS (SELECT l.code, ST_Length(ST_Intersection(ST_Boundary(l.geom), s.geom)) AS len
       FROM ghydyh l JOIN shore s ON l.geom && s.geom AND l.code NOT LIKE '17%')
SELECT sum(len) FILTER (WHERE substr(code, 1, 2) IN ('12', '14', '08')) / nullif(sum(len), 0) FROM edges;
