-- scorecard-csv.sql: the scorecard of one period as CSV on standard
-- output, as `make demo` writes it and a BI tool or spreadsheet reads it:
-- a row per indicator, the period and its first and last day on every row,
-- booleans as true and false, percentages also as fractions.
-- psql -v period=2023/24 -v report=cspi_report -f demo/scorecard-csv.sql
\set ON_ERROR_STOP on
SELECT format('COPY (SELECT s.period, s.period_start, s.period_end, s.display_order, s.section, s.code, s.title,
                            s.unit, s.display, s.shown, s.fraction, s.numerator, s.denominator, s.target,
                            s.polarity, s.status, s.previous_period, s.previous_display, s.previous_shown,
                            s.change, s.change_is, s.available::text AS available, s.reason, s.data_as_at
                       FROM %I.scorecard s WHERE s.period = %L ORDER BY s.display_order)
              TO STDOUT WITH (FORMAT csv, HEADER)', :'report', :'period') AS copy_scorecard \gset
:copy_scorecard
