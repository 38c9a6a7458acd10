-- Soft input errors (PostgreSQL 16 and later): a bad ratio is reported to a
-- caller that asks for soft errors, as the built-in types do, so that
-- pg_input_is_valid() and COPY ... ON_ERROR work.  PostgreSQL 15 has no
-- pg_input_is_valid(): expected/ratio_input_1.out holds its output.
SELECT pg_input_is_valid('1119/1374', 'cspi.ratio') AS good,
       pg_input_is_valid('1119/', 'cspi.ratio') AS syntax,
       pg_input_is_valid('-1/2', 'cspi.ratio') AS negative,
       pg_input_is_valid('9223372036854775808/1', 'cspi.ratio') AS overflow;
SELECT * FROM pg_input_error_info('1119/', 'cspi.ratio');
SELECT * FROM pg_input_error_info('-1/2', 'cspi.ratio');
