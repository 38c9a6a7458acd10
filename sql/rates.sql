-- Rates per 10,000 and target status.
SET search_path = public, cspi;

-- 146 children in a population of 22,256: 65.600...; 65.6 as reports show
-- it.  300 children: 134.79... -> 134.8.  142.3 at March 2023 is 316 of
-- 22,207 (142.297...).
SELECT rate_per_10k(146, 22256) AS cp_rate, rate_per_10k(300, 22256) AS cic_rate,
       rate_per_10k(316, 22207) AS cic_rate_2023;
SELECT rate_per(146, 22256) AS unrounded, rate_per(146, 22256, 1000) AS per_thousand,
       rate_per(146::bigint, 22256::bigint, 100) AS per_hundred;
-- Half away from zero, exactly: 1 in 20,000 is 0.5 per 10,000 -> 0.5;
-- 1 in 16 is 625 per 10,000; 1 in 160,000 is 0.0625 -> 0.1;
-- 1 in 200,001 is 0.049999... -> 0.0.
SELECT rate_per_10k(1, 20000) AS a, rate_per_10k(1, 16) AS b, rate_per_10k(1, 160000) AS c,
       rate_per_10k(1, 200001) AS d, rate_per_10k(0, 5) AS zero;
-- Fractional populations (numeric): 146 in 22,256.5 is 65.598...; 1 in
-- 160,000.0 rounds half up exactly as the bigint version does.
SELECT rate_per_10k(146.0, 22256.5) AS fractional, rate_per_10k(1.0, 160000.0) AS half,
       rate_per(146.0, 22256.5) AS unrounded;
-- A count is never negative, NaN or infinite: each is an error, never a rate.
SELECT rate_per(-1, 22256);
SELECT rate_per_10k(-1, 22256);
SELECT rate_per(-1.0, 22256.5);
SELECT rate_per_10k(-1.0, 160000.0);
SELECT rate_per_10k('NaN'::numeric, 22256.0);
SELECT rate_per('Infinity'::numeric, 22256.0);
-- bigint counts (count(*)) and integer populations mix.
SELECT rate_per_10k(count(*), 22256) FROM generate_series(1, 146);
-- Population zero or negative: an error; NULL: NULL.
SELECT rate_per_10k(146, 0);
SELECT rate_per_10k(146, -5);
SELECT rate_per(146.0, 0.0);
SELECT rate_per_10k(0::numeric, 'Infinity');
SELECT rate_per(146, 22256, 0);
SELECT rate_per_10k(146, NULL) IS NULL AS null_population, rate_per(NULL::bigint, 5) IS NULL AS null_count;

-- target_met: higher is better (value >= target), lower is better
-- (value <= target); the polarity is matched ignoring case and spaces.
SELECT target_met(81.4, 90, 'higher') AS ref_1wd, target_met(90, 90, 'higher') AS at_target,
       target_met(3.6, 6, 'lower') AS cp_repeat, target_met(17.0, 10, 'lower') AS stability,
       target_met(6, 6, ' Lower ') AS at_target_lower;
SELECT target_met(1, 2, 'better');
SELECT target_met(NULL, 2, 'higher') IS NULL AS null_value;
-- NaN is not a figure: numeric orders it above every number, so it would
-- otherwise meet any "higher" target.  It is an error, value or target.
SELECT target_met('NaN', 90, 'higher');
SELECT target_met(81.4, 'NaN', 'lower');
