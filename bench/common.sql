-- common.sql: the timing helper of the benchmarks (\i from each bench file).
-- bench(label, query, rows, workers) runs query three times with at most
-- workers parallel workers and reports the best time, per run and per row.
CREATE FUNCTION pg_temp.bench(label text, query text, nrows bigint, workers int DEFAULT 0)
RETURNS TABLE (method text, rows_run bigint, ms numeric, ns_per_row numeric, result text)
LANGUAGE plpgsql AS $$
DECLARE
    t0 timestamptz;
    best interval;
    r text;
BEGIN
    EXECUTE format('SET max_parallel_workers_per_gather = %s', workers);
    FOR i IN 1..3 LOOP
        t0 := clock_timestamp();
        EXECUTE query INTO r;
        IF best IS NULL OR clock_timestamp() - t0 < best THEN
            best := clock_timestamp() - t0;
        END IF;
    END LOOP;
    RETURN QUERY SELECT label, nrows, round(extract(epoch FROM best) * 1000, 1),
        round(extract(epoch FROM best) * 1e9 / nrows, 1), r;
END $$;
