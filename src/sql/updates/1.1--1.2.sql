-- The upgrade from cspi 1.1 to 1.2.  `make update-scripts` writes the
-- committed cspi--1.1--1.2.sql from this file, replacing each
-- "-- include: FILE" line by that file of src/sql/, so that a definition
-- that 1.2 adds or changes has one source.

--------------------------------------------------------------------------
-- A calendar of a bank holiday in any part of the UK (FOI deadlines), and
-- timestamp forms of every working-day function, reading timestamps with
-- time zone in England rather than in the session's time zone.
--------------------------------------------------------------------------

-- include: holidays_uk_any.sql
-- include: workdays.sql

--------------------------------------------------------------------------
-- Narrative sentences that name what each indicator counts and say each
-- fact once; definitions in plain words.
--------------------------------------------------------------------------

-- include: catalogue_wording.sql

--------------------------------------------------------------------------
-- The BI surface: indicator_value's fraction and refreshed_at, the
-- scorecard view, a comment on every published column.  Report schemas
-- gain them with cspi.redeploy().  deploy() explains the contract's kinds
-- in words.
--------------------------------------------------------------------------

-- include: deploy.sql
-- include: engine_build.sql
DELETE FROM cspi.report_object WHERE name = 'indicator_value';
-- include: engine_indicator_value.sql

--------------------------------------------------------------------------
-- The report: plain-words reasons, four narrative headings and a summary,
-- charts with axes and labels, the council's name, an appendix.
--------------------------------------------------------------------------

-- include: report_scorecard.sql
-- include: report.sql
-- include: report_bi.sql
