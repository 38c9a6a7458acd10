-- The cspi.ratio type: text and binary forms, functions, operators, order.
SET search_path = public, cspi;

-- Text form, and the report's form.
SELECT '1119/1374'::ratio AS r, numerator('1119/1374'), denominator('1119/1374'),
       format_ratio('1119/1374') AS report;
SELECT format_ratio(r) FROM unnest(ARRAY['975/1554', '7/196', '29/278', '5/5', '0/0', '3/0',
                                         '1234567/7654321']::ratio[]) AS r;
SELECT ratio(7, 196) AS constructed, ' 7 / 196 '::ratio AS spaces_allowed;

-- percent: exact, rounded half away from zero; NULL for a zero denominator.
-- 1119/1374 = 81.4410...%; 1/8 = 12.5% -> 13 at 0 digits; 1/40 = 2.5% -> 3;
-- 1/3 = 33.333...% -> 33.33 at 2; 2/3 -> 66.67; 7/196 = 3.5714...% -> 3.6.
SELECT percent('1119/1374') AS p1, percent('1/8', 0) AS eighth, percent('1/8', 1) AS eighth_1,
       percent('1/40', 0) AS fortieth, percent('1/3', 2) AS third, percent('2/3', 2) AS two_thirds,
       percent('7/196') AS repeat_plans, percent('5/5') AS all_of_them, percent('0/5') AS none,
       percent('0/0') IS NULL AS no_value;
-- 1/2000 = 0.05% -> 0.1 at 1 digit (half away from zero), 1/3000 -> 0.0.
SELECT percent('1/2000') AS half_up, percent('1/3000') AS down,
       percent('1/7', 15) AS fifteen_digits;
SELECT percent('1/3', 16);
SELECT percent('1/3', -1);

-- Fractions and casts: to_numeric is the fraction, not a percentage.
SELECT to_numeric('1/8') AS eighth, '1/2'::ratio::numeric AS half,
       '1/4'::ratio::float8 AS quarter, to_numeric('2/3') AS two_thirds,
       to_numeric('1/0') IS NULL AS no_value, '0/0'::ratio::float8 IS NULL AS no_float;

-- Pooling adds numerators and denominators (never averages percentages):
-- 81.4% of 1,374 and 84.1% of 1,500 pool to 2,380 / 2,874 = 82.8%.
SELECT '1119/1374'::ratio + '1261/1500'::ratio AS pooled,
       format_ratio('1119/1374'::ratio + '1261/1500'::ratio) AS report;
SELECT '9223372036854775807/9223372036854775807'::ratio + '1/1'::ratio;
SELECT '0/9223372036854775807'::ratio + '0/1'::ratio;

-- Equality is the same pair; order is by value, exactly.
SELECT '1/2'::ratio = '2/4'::ratio AS same_value_not_equal,
       '1/2'::ratio = '1/2'::ratio AS same_pair,
       '1/2'::ratio <> '2/4'::ratio AS differs,
       '1/3'::ratio < '1/2'::ratio AS lt,
       '1/2'::ratio < '2/4'::ratio AS tie_by_denominator,
       '9223372036854775806/9223372036854775807'::ratio < '9223372036854775805/9223372036854775806'::ratio AS huge;
SELECT r FROM unnest(ARRAY['1/2', '2/4', '1/3', '0/5', '3/0', '0/0', '5/5', '7/3']::ratio[]) AS r
 ORDER BY r;
SELECT min(r), max(r) FROM unnest(ARRAY['1/2', '2/4', '1/3', '3/0', '5/5']::ratio[]) AS r;
-- Indexable, groupable by hash and by sort.
CREATE TEMP TABLE rt (r ratio);
INSERT INTO rt SELECT ratio(i % 7, 7) FROM generate_series(1, 70) AS i;
CREATE INDEX ON rt (r);
CREATE INDEX ON rt USING hash (r);
SET enable_seqscan = off;
SELECT count(*) FROM rt WHERE r = '3/7';
RESET enable_seqscan;
SELECT r, count(*) FROM rt GROUP BY r ORDER BY r;

-- Binary round trip through COPY.
CREATE TEMP TABLE rt_bin (id int, r ratio);
INSERT INTO rt_bin VALUES (1, '1119/1374'), (2, '0/0'), (3, '9223372036854775807/1');
COPY rt_bin TO '/tmp/cspi_ratio_test.bin' WITH (FORMAT binary);
CREATE TEMP TABLE rt_back (id int, r ratio);
COPY rt_back FROM '/tmp/cspi_ratio_test.bin' WITH (FORMAT binary);
SELECT a.id, a.r, b.r AS back, a.r = b.r AS same
  FROM rt_bin a JOIN rt_back b USING (id) ORDER BY id;

-- Bad input: malformed, negative, overflow.
SELECT 'x'::ratio;
SELECT '1/2/3'::ratio;
SELECT '1.5/3'::ratio;
SELECT '-1/2'::ratio;
SELECT '1/-2'::ratio;
SELECT '9223372036854775808/1'::ratio;
SELECT ratio(-1, 2);
-- NULL in, NULL out.
SELECT percent(NULL) IS NULL AS a, format_ratio(NULL) IS NULL AS b, ratio(NULL, 1) IS NULL AS c;

-- ratio_of's step checks the numerator too: a state whose numerator is at
-- the limit cannot count one more TRUE (an error, never a value that
-- ratio_in would refuse); FALSE still counts.
SELECT cspi.ratio_of_transition('9223372036854775807/5', true);
SELECT cspi.ratio_of_transition('9223372036854775807/5', false);
SELECT cspi.ratio_of_transition('0/9223372036854775807', false);

-- The hash is of the two integers, numerator then denominator as 8-byte
-- little-endian integers, on every platform: 1119 = 0x045f, 1374 = 0x055e.
-- A uuid is hashed as its 16 bytes in the order they are written, with the
-- same function, so the uuid spelled with those bytes hashes the same.
SELECT cspi.ratio_hash('1119/1374') =
       uuid_hash('5f040000-0000-0000-5e05-000000000000') AS hash_of_integers,
       cspi.ratio_hash_extended('1119/1374', 42) =
       uuid_hash_extended('5f040000-0000-0000-5e05-000000000000', 42) AS extended;

-- Equal ratios are the same pair, so btree may deduplicate: the opclass
-- says so (btequalimage) and a new index allows it.
SELECT amproc::regproc FROM pg_amproc p JOIN pg_opfamily f ON f.oid = p.amprocfamily
 WHERE f.opfname = 'ratio_ops' AND f.opfmethod = (SELECT oid FROM pg_am WHERE amname = 'btree')
   AND p.amprocnum = 4;
CREATE EXTENSION IF NOT EXISTS pageinspect;
CREATE TEMP TABLE rt_dedup AS SELECT (g % 3)::text || '/4' AS t FROM generate_series(1, 1000) g;
CREATE TEMP TABLE rt_dedup_r AS SELECT t::ratio AS r FROM rt_dedup;
CREATE INDEX rt_dedup_idx ON rt_dedup_r (r);
SELECT allequalimage FROM bt_metap('rt_dedup_idx');
DROP EXTENSION pageinspect;
