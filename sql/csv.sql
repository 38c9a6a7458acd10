-- CSV as cspi reads it (cspi.csv_lines, src/csv.c) and writes it
-- (cspi_internal.csv_line, cspi.export_903): RFC 4180; malformed quoting, a column
-- named twice and a field a spreadsheet would run as a formula are refused,
-- naming the file, line (or child) and column.  The rules are in
-- doc/statutory-returns.md; test/unit/test_csv.c tests the tokenizer alone.
\pset null '(null)'

-- Each field of each record, line ends and carriage returns shown as <LF>
-- and <CR>: a byte-order mark dropped; CRLF, LF and CR line ends; a quoted
-- field holding a comma, doubled quotes or a line break (numbered by the
-- line it starts on: C3 on line 6, C4 on line 8); spaces kept; blank lines
-- and lines of empty fields (lines 3 and 4) skipped.
SELECT l.line, u.n, replace(replace(u.f, E'\n', '<LF>'), E'\r', '<CR>') AS field
  FROM cspi.csv_lines(E'\uFEFFCHILD,NOTE\r\n"C1","a, b"\r\n\r\n, ,\nC2,"say ""hi"""\nC3,"two\r\nlines"\nC4, x \rC5,""\n') AS l,
       unnest(l.fields) WITH ORDINALITY AS u(f, n)
 ORDER BY l.line, u.n;
-- The same with a file name; nothing at all in an empty text.
SELECT count(*) AS records FROM cspi.csv_lines(E'A,B\nC,D', 'some file');
SELECT count(*) AS records FROM cspi.csv_lines('');

-- Malformed quoting is refused, naming the file, the line and the column
-- (the field's number): a quoted field never closed (it once loaded CHILD
-- as AB), a character after a closing quote (it once loaded A"), a quote
-- in a field that is not quoted.  A fault after a quoted line break is
-- named by its own line (3), not the line its record starts on.
SELECT * FROM cspi.csv_lines(E'CHILD,DOB\n"ABC,01/01/2010\n', 'header file');
SELECT * FROM cspi.csv_lines(E'CHILD\n"A"B\n');
SELECT * FROM cspi.csv_lines(E'CHILD,DOB\nC1,01/"01/2010\n', 'header file');
SELECT * FROM cspi.csv_lines(E'CHILD,NOTE,DOB\nC1,"one\ntwo"x,01/01/2010\n', 'header file');
-- ... and so are the files whose fields it read, through the importers.
SELECT cspi.create_return_tables('csv_ret');
SELECT cspi.import_903('csv_ret', 2024, 'header', $csv$CHILD,DOB
"ABC,01/01/2010
$csv$);
SELECT cspi.import_903('csv_ret', 2024, 'header', $csv$CHILD,DOB
"A"B,01/01/2010
$csv$);
SELECT cspi.load_dfe_file('cla_numbers', $csv$time_period,geographic_level,population_type,population_estimate,children_count,rate_per_10000
2026,National,"Children looked after,12200000,79000,65
$csv$);

-- A column named twice (ignoring case) is refused: which CHILD would be
-- the child?  Empty names, a spreadsheet's unused columns, are not loaded
-- and may repeat.
SELECT cspi.import_903('csv_ret', 2024, 'header', $csv$CHILD,DOB,CHILD
C1,01/01/2010,C2
$csv$);
SELECT cspi.import_903('csv_ret', 2024, 'header', $csv$child,DOB,Dob
C1,01/01/2010,01/01/2011
$csv$);
SELECT cspi.load_dfe_file('cla_numbers', $csv$time_period,geographic_level,population_type,population_estimate,children_count,rate_per_10000,children_count
2026,National,Children looked after on 31 March each year,12200000,79000,65,1
$csv$);
SELECT count(*) AS header_rows FROM csv_ret.ssda903_header;
SELECT cspi.import_903('csv_ret', 2024, 'header', $csv$CHILD,DOB,,
C1,01/01/2010,,
$csv$) AS with_empty_names;

-- Quoted fields load as they are: a comma, doubled quotes, a line break.
-- A record's line is the line it starts on: C3, after C2's lines 3 and 4,
-- is line 5, and its date error names line 5.
SELECT cspi.import_903('csv_ret', 2024, 'header', $csv$CHILD,ETHNIC,DOB
"C1","W,BRI",01/01/2010
C2,"mixed
""other""",02/02/2012
C3,,03/03/2013
$csv$) AS header_rows;
SELECT line, child, ethnic, dob FROM csv_ret.ssda903_header ORDER BY line;
SELECT cspi.import_903('csv_ret', 2024, 'header', $csv$CHILD,ETHNIC,DOB
"C1","W,BRI",01/01/2010
C2,"mixed
""other""",02/02/2012
C3,,31/02/2013
$csv$);

-- A line of 200,000 fields, read in one pass (test/unit/test_csv.c reads
-- a line of a million).
SELECT l.line, cardinality(l.fields) AS fields, l.fields[1] AS first, l.fields[200000] AS last
  FROM cspi.csv_lines((SELECT string_agg('f' || i, ',') FROM generate_series(1, 200000) AS i)) AS l;

-- Written out: a field with a carriage return is quoted (so it reads back
-- as one field, the CR in it), as are commas, quotes and line feeds.
SELECT cspi_internal.csv_line(ARRAY['a', E'b\rc', 'd,e', 'say "hi"', E'f\ng', NULL, '']) = E'a,"b\rc","d,e","say ""hi""","f\ng",,' AS quoted;
SELECT cspi.create_source_tables('csv_source');
INSERT INTO csv_source.child VALUES ('C1', NULL, '2010-06-01');
INSERT INTO csv_source.cla_episode (episode_id, child_id, start_date, reason_new, legal_status, placement)
VALUES ('E1', 'C1', '2023-05-01', 'S', 'C2', E'U1\rU2');
SELECT replace(cspi.export_903('csv_source', 2024, 'episodes'), E'\r', '<CR>') AS episodes;
SELECT cspi.import_903('csv_ret', 2024, 'episodes', cspi.export_903('csv_source', 2024, 'episodes')) AS read_back;
SELECT child, place = E'U1\rU2' AS place_as_written FROM csv_ret.ssda903_episodes;
-- A field beginning with =, +, - or @ would run as a formula in a
-- spreadsheet (no DfE code does): refused, naming the child and column.
UPDATE csv_source.cla_episode SET placement = '=cmd|'' /C calc''!A0';
SELECT cspi.export_903('csv_source', 2024, 'episodes');
UPDATE csv_source.cla_episode SET placement = 'U1', child_id = '@C1';
UPDATE csv_source.child SET child_id = '@C1';
SELECT cspi.export_903('csv_source', 2024, 'header');
SELECT cspi_internal.return_csv_line('reviews', '{CHILD,DOB,REVIEW,REVIEW_CODE}', ARRAY['C1', NULL, '+1', NULL]);
SELECT cspi_internal.return_csv_line('reviews', '{CHILD,DOB,REVIEW,REVIEW_CODE}', ARRAY['C1', NULL, NULL, '-PN1']);
-- Anywhere but first, they are plain characters.
SELECT cspi_internal.return_csv_line('reviews', '{CHILD,DOB,REVIEW,REVIEW_CODE}', ARRAY['C1', 'a=b', 'c+d', 'e-f@g']) AS not_formulas;
