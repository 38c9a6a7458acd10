-- The synthetic council generator: deterministic, sized by its scale, clean
-- by the data-quality checks, and refusing what it cannot do.
SET datestyle = 'ISO, YMD';
\set SHOW_CONTEXT never
-- gen_b's name holds the generator's macros and placeholder: it is filled
-- in last, in one pass, so nothing expands inside it.
SELECT cspi.create_source_tables('gen_a');
SELECT cspi.create_source_tables('gen_b ordof(x) @S@ wdn(1)');
SELECT cspi.create_source_tables('gen_c');
SELECT count(*) AS relations, bool_and(row_count > 0) AS all_filled
  FROM cspi.generate_source('gen_a', 0.2, 7, 2022, 2024);
SELECT count(*) FROM cspi.generate_source('gen_b ordof(x) @S@ wdn(1)', 0.2, 7, 2022, 2024);
SELECT count(*) FROM cspi.generate_source('gen_c', 0.2, 8, 2022, 2024);

-- The same arguments give the same rows; another seed gives others.
CREATE FUNCTION pg_temp.differing(a name, b name) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    rel text;
    n bigint := 0;
    m bigint;
BEGIN
    -- The relations the generator fills (create_source_tables makes them).
    FOR rel IN SELECT DISTINCT relation FROM cspi.contract_column
                WHERE to_regclass(format('%I.%I', a, relation)) IS NOT NULL LOOP
        EXECUTE format('SELECT count(*) FROM ((TABLE %1$I.%3$I EXCEPT ALL TABLE %2$I.%3$I)
                                  UNION ALL (TABLE %2$I.%3$I EXCEPT ALL TABLE %1$I.%3$I)) d', a, b, rel)
           INTO m;
        n := n + m;
    END LOOP;
    RETURN n;
END $$;
SELECT pg_temp.differing('gen_a', 'gen_b ordof(x) @S@ wdn(1)') AS same_seed_differing_rows,
       pg_temp.differing('gen_a', 'gen_c') > 0 AS other_seed_differs;

-- Volumes scale: about 1,400 completed referrals and 3,000 cp visits a year
-- at scale 1, so about 280 and 600 at 0.2 (within a third either way).
SELECT count(*) FILTER (WHERE completed_date BETWEEN '2023-04-01' AND '2024-03-31')
           BETWEEN 190 AND 370 AS referrals_in_2023_24
  FROM gen_a.referral;
SELECT count(*) FILTER (WHERE visit_type = 'cp' AND visit_date BETWEEN '2023-04-01' AND '2024-03-31')
           BETWEEN 400 AND 800 AS cp_visits_in_2023_24
  FROM gen_a.visit;
-- Every event lies between 1 April 2022 and 31 March 2024.
SELECT min(d) >= '2022-04-01' AND max(d) <= '2024-03-31' AS events_in_range
  FROM (SELECT referral_date FROM gen_a.referral UNION ALL SELECT completed_date FROM gen_a.referral
        UNION ALL SELECT visit_date FROM gen_a.visit UNION ALL SELECT start_date FROM gen_a.cla_episode
        UNION ALL SELECT end_date FROM gen_a.cla_episode) e(d);
-- It is clean by every data-quality check, and every indicator is available.
SELECT count(*) FILTER (WHERE available) AS available FROM cspi.deploy('gen_a', 'gen_a_report');
SELECT count(*) AS data_quality_problems FROM gen_a_report.data_quality;
SELECT count(DISTINCT period) AS periods FROM gen_a_report.indicator_value;
-- Deploying again over the same report schema is safe and gives the same
-- figures (as after ALTER EXTENSION cspi UPDATE).
CREATE TEMP TABLE first_deploy AS SELECT * FROM gen_a_report.indicator_value;
SELECT count(*) FILTER (WHERE available) AS available FROM cspi.deploy('gen_a', 'gen_a_report');
SELECT count(*) AS rows,
       count(*) FILTER (WHERE (a.numerator, a.denominator, a.display) IS DISTINCT FROM (b.numerator, b.denominator, b.display)) AS differing
  FROM first_deploy a FULL JOIN gen_a_report.indicator_value b USING (indicator, period_type, period);

-- What it refuses.
SELECT cspi.generate_source('gen_a', 0.2, 7, 2022, 2024);
SELECT cspi.generate_source('no_such_schema');
SELECT cspi.generate_source('gen_c', 0);
SELECT cspi.generate_source('gen_c', 1, 1, 2024, 2024);
SELECT cspi.generate_source('gen_c', 1, 1, 1990, 2000);

SET client_min_messages = warning;
DROP SCHEMA gen_a_report, gen_a, "gen_b ordof(x) @S@ wdn(1)", gen_c CASCADE;
RESET client_min_messages;
