--------------------------------------------------------------------------
-- The report's order
--------------------------------------------------------------------------
-- Each family file (src/sql/indicators/) places its indicators with a
-- sort_key that leaves gaps; display_order, which the scorecard, the
-- narrative and BI tools sort by, is renumbered from it by every install
-- and upgrade: 1, 2, 3... by sort_key, then code.

UPDATE cspi.indicator i
   SET display_order = o.n
  FROM (SELECT code, row_number() OVER (ORDER BY sort_key NULLS LAST, code) AS n
          FROM cspi.indicator) o
 WHERE o.code = i.code AND i.display_order IS DISTINCT FROM o.n;
