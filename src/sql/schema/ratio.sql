--------------------------------------------------------------------------
-- Ratios: the cspi.ratio type
--------------------------------------------------------------------------

CREATE TYPE cspi.ratio;

CREATE FUNCTION cspi.ratio_in(cstring) RETURNS cspi.ratio
    AS 'MODULE_PATHNAME', 'cspi_ratio_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.ratio_in(cstring) IS 'Input function of cspi.ratio: ''1119/1374''.';
CREATE FUNCTION cspi.ratio_out(cspi.ratio) RETURNS cstring
    AS 'MODULE_PATHNAME', 'cspi_ratio_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.ratio_out(cspi.ratio) IS 'Output function of cspi.ratio: ''1119/1374''.';
CREATE FUNCTION cspi.ratio_recv(internal) RETURNS cspi.ratio
    AS 'MODULE_PATHNAME', 'cspi_ratio_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.ratio_recv(internal) IS 'Binary input of cspi.ratio: two int8, numerator then denominator.';
CREATE FUNCTION cspi.ratio_send(cspi.ratio) RETURNS bytea
    AS 'MODULE_PATHNAME', 'cspi_ratio_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.ratio_send(cspi.ratio) IS 'Binary output of cspi.ratio: two int8, numerator then denominator.';

CREATE TYPE cspi.ratio (
    INPUT = cspi.ratio_in,
    OUTPUT = cspi.ratio_out,
    RECEIVE = cspi.ratio_recv,
    SEND = cspi.ratio_send,
    INTERNALLENGTH = 16,
    ALIGNMENT = double,
    STORAGE = plain
);
COMMENT ON TYPE cspi.ratio IS
'A ratio of two non-negative counts, such as referrals completed within 1 working day over referrals completed: ''1119/1374''. Pooling adds numerators and denominators; percentages are computed exactly from the counts.';

CREATE FUNCTION cspi.ratio(numerator bigint, denominator bigint) RETURNS cspi.ratio
    AS 'MODULE_PATHNAME', 'cspi_ratio_make' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.ratio(bigint, bigint) IS 'The ratio numerator/denominator; both must be non-negative.';

CREATE FUNCTION cspi.numerator(cspi.ratio) RETURNS bigint
    AS 'MODULE_PATHNAME', 'cspi_ratio_numerator' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.numerator(cspi.ratio) IS 'The numerator of a ratio.';
CREATE FUNCTION cspi.denominator(cspi.ratio) RETURNS bigint
    AS 'MODULE_PATHNAME', 'cspi_ratio_denominator' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.denominator(cspi.ratio) IS 'The denominator of a ratio.';

CREATE FUNCTION cspi.percent(cspi.ratio, digits integer DEFAULT 1) RETURNS numeric
    AS 'MODULE_PATHNAME', 'cspi_ratio_percent' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.percent(cspi.ratio, integer) IS
'100 x numerator / denominator, rounded half away from zero to digits (0 to 15) decimal places, computed exactly; NULL when the denominator is 0.';

CREATE FUNCTION cspi.to_numeric(cspi.ratio) RETURNS numeric
    AS 'MODULE_PATHNAME', 'cspi_ratio_to_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.to_numeric(cspi.ratio) IS
'numerator / denominator as a fraction (not a percentage), unrounded but for numeric division''s own precision; NULL when the denominator is 0.';
CREATE FUNCTION cspi.to_float8(cspi.ratio) RETURNS double precision
    AS 'MODULE_PATHNAME', 'cspi_ratio_to_float8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.to_float8(cspi.ratio) IS
'numerator / denominator as a double precision fraction; NULL when the denominator is 0.';
CREATE CAST (cspi.ratio AS numeric) WITH FUNCTION cspi.to_numeric(cspi.ratio);
CREATE CAST (cspi.ratio AS double precision) WITH FUNCTION cspi.to_float8(cspi.ratio);

CREATE FUNCTION cspi.format_ratio(cspi.ratio) RETURNS text
    AS 'MODULE_PATHNAME', 'cspi_ratio_format' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.format_ratio(cspi.ratio) IS
'The report''s form: ''81.4% (1,119 / 1,374)''; ''n/a (0 / 0)'' when the denominator is 0.';

-- Operators: pooling and comparison.
CREATE FUNCTION cspi.ratio_add(cspi.ratio, cspi.ratio) RETURNS cspi.ratio
    AS 'MODULE_PATHNAME', 'cspi_ratio_add' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.ratio_add(cspi.ratio, cspi.ratio) IS
'Pooling: adds numerators and denominators (the + operator); an error on overflow.';
CREATE OPERATOR cspi.+ (
    LEFTARG = cspi.ratio, RIGHTARG = cspi.ratio, FUNCTION = cspi.ratio_add,
    COMMUTATOR = OPERATOR(cspi.+)
);
COMMENT ON OPERATOR cspi.+ (cspi.ratio, cspi.ratio) IS 'Pooling: adds numerators and denominators.';

CREATE FUNCTION cspi.ratio_cmp(cspi.ratio, cspi.ratio) RETURNS integer
    AS 'MODULE_PATHNAME', 'cspi_ratio_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.ratio_cmp(cspi.ratio, cspi.ratio) IS
'Btree comparison: by value, exactly; equal values by denominator; ratios with denominator 0 last.';
CREATE FUNCTION cspi.ratio_eq(cspi.ratio, cspi.ratio) RETURNS boolean
    AS 'MODULE_PATHNAME', 'cspi_ratio_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.ratio_eq(cspi.ratio, cspi.ratio) IS 'The same pair (the = operator): 1/2 = 2/4 is false.';
CREATE FUNCTION cspi.ratio_ne(cspi.ratio, cspi.ratio) RETURNS boolean
    AS 'MODULE_PATHNAME', 'cspi_ratio_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.ratio_ne(cspi.ratio, cspi.ratio) IS 'Not the same pair (the <> operator).';
CREATE FUNCTION cspi.ratio_lt(cspi.ratio, cspi.ratio) RETURNS boolean
    AS 'MODULE_PATHNAME', 'cspi_ratio_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.ratio_lt(cspi.ratio, cspi.ratio) IS 'Ordered before (the < operator).';
CREATE FUNCTION cspi.ratio_le(cspi.ratio, cspi.ratio) RETURNS boolean
    AS 'MODULE_PATHNAME', 'cspi_ratio_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.ratio_le(cspi.ratio, cspi.ratio) IS 'Ordered before or the same (the <= operator).';
CREATE FUNCTION cspi.ratio_gt(cspi.ratio, cspi.ratio) RETURNS boolean
    AS 'MODULE_PATHNAME', 'cspi_ratio_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.ratio_gt(cspi.ratio, cspi.ratio) IS 'Ordered after (the > operator).';
CREATE FUNCTION cspi.ratio_ge(cspi.ratio, cspi.ratio) RETURNS boolean
    AS 'MODULE_PATHNAME', 'cspi_ratio_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.ratio_ge(cspi.ratio, cspi.ratio) IS 'Ordered after or the same (the >= operator).';

CREATE OPERATOR cspi.= (
    LEFTARG = cspi.ratio, RIGHTARG = cspi.ratio, FUNCTION = cspi.ratio_eq,
    COMMUTATOR = OPERATOR(cspi.=), NEGATOR = OPERATOR(cspi.<>),
    RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES
);
COMMENT ON OPERATOR cspi.= (cspi.ratio, cspi.ratio) IS 'The same pair.';
CREATE OPERATOR cspi.<> (
    LEFTARG = cspi.ratio, RIGHTARG = cspi.ratio, FUNCTION = cspi.ratio_ne,
    COMMUTATOR = OPERATOR(cspi.<>), NEGATOR = OPERATOR(cspi.=),
    RESTRICT = neqsel, JOIN = neqjoinsel
);
COMMENT ON OPERATOR cspi.<> (cspi.ratio, cspi.ratio) IS 'Not the same pair.';
CREATE OPERATOR cspi.< (
    LEFTARG = cspi.ratio, RIGHTARG = cspi.ratio, FUNCTION = cspi.ratio_lt,
    COMMUTATOR = OPERATOR(cspi.>), NEGATOR = OPERATOR(cspi.>=),
    RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
COMMENT ON OPERATOR cspi.< (cspi.ratio, cspi.ratio) IS 'Smaller value (equal values: smaller denominator).';
CREATE OPERATOR cspi.<= (
    LEFTARG = cspi.ratio, RIGHTARG = cspi.ratio, FUNCTION = cspi.ratio_le,
    COMMUTATOR = OPERATOR(cspi.>=), NEGATOR = OPERATOR(cspi.>),
    RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
COMMENT ON OPERATOR cspi.<= (cspi.ratio, cspi.ratio) IS 'Smaller value or the same pair.';
CREATE OPERATOR cspi.> (
    LEFTARG = cspi.ratio, RIGHTARG = cspi.ratio, FUNCTION = cspi.ratio_gt,
    COMMUTATOR = OPERATOR(cspi.<), NEGATOR = OPERATOR(cspi.<=),
    RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
COMMENT ON OPERATOR cspi.> (cspi.ratio, cspi.ratio) IS 'Larger value (equal values: larger denominator).';
CREATE OPERATOR cspi.>= (
    LEFTARG = cspi.ratio, RIGHTARG = cspi.ratio, FUNCTION = cspi.ratio_ge,
    COMMUTATOR = OPERATOR(cspi.<=), NEGATOR = OPERATOR(cspi.<),
    RESTRICT = scalargesel, JOIN = scalargejoinsel
);
COMMENT ON OPERATOR cspi.>= (cspi.ratio, cspi.ratio) IS 'Larger value or the same pair.';

CREATE OPERATOR CLASS cspi.ratio_ops DEFAULT FOR TYPE cspi.ratio USING btree AS
    OPERATOR 1 cspi.<,
    OPERATOR 2 cspi.<=,
    OPERATOR 3 cspi.=,
    OPERATOR 4 cspi.>=,
    OPERATOR 5 cspi.>,
    FUNCTION 1 cspi.ratio_cmp(cspi.ratio, cspi.ratio),
    -- equal ratios are the same pair, so btree may deduplicate them
    FUNCTION 4 pg_catalog.btequalimage(oid);

CREATE FUNCTION cspi.ratio_hash(cspi.ratio) RETURNS integer
    AS 'MODULE_PATHNAME', 'cspi_ratio_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.ratio_hash(cspi.ratio) IS 'Hash of the pair, for hash joins and hashed grouping.';
CREATE FUNCTION cspi.ratio_hash_extended(cspi.ratio, bigint) RETURNS bigint
    AS 'MODULE_PATHNAME', 'cspi_ratio_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.ratio_hash_extended(cspi.ratio, bigint) IS 'Seeded 64-bit hash of the pair.';
CREATE OPERATOR CLASS cspi.ratio_hash_ops DEFAULT FOR TYPE cspi.ratio USING hash AS
    OPERATOR 1 cspi.=,
    FUNCTION 1 cspi.ratio_hash(cspi.ratio),
    FUNCTION 2 cspi.ratio_hash_extended(cspi.ratio, bigint);

--------------------------------------------------------------------------
-- Ratio aggregates
--------------------------------------------------------------------------

CREATE FUNCTION cspi.ratio_of_transition(cspi.ratio, boolean) RETURNS cspi.ratio
    AS 'MODULE_PATHNAME', 'cspi_ratio_of_transition' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.ratio_of_transition(cspi.ratio, boolean) IS
'Transition function of ratio_of: TRUE adds 1/1, FALSE adds 0/1.';
CREATE FUNCTION cspi.ratio_of_inverse(cspi.ratio, boolean) RETURNS cspi.ratio
    AS 'MODULE_PATHNAME', 'cspi_ratio_of_inverse' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.ratio_of_inverse(cspi.ratio, boolean) IS
'Inverse transition function of ratio_of, for moving windows.';
CREATE FUNCTION cspi.ratio_sum_transition(cspi.ratio, cspi.ratio) RETURNS cspi.ratio
    AS 'MODULE_PATHNAME', 'cspi_ratio_sum_transition' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.ratio_sum_transition(cspi.ratio, cspi.ratio) IS
'Transition and combine function of sum(ratio) and combine function of ratio_of: pooling.';
CREATE FUNCTION cspi.ratio_sum_inverse(cspi.ratio, cspi.ratio) RETURNS cspi.ratio
    AS 'MODULE_PATHNAME', 'cspi_ratio_sum_inverse' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.ratio_sum_inverse(cspi.ratio, cspi.ratio) IS
'Inverse transition function of sum(ratio), for moving windows.';

CREATE AGGREGATE cspi.ratio_of(boolean) (
    SFUNC = cspi.ratio_of_transition,
    STYPE = cspi.ratio,
    INITCOND = '0/0',
    COMBINEFUNC = cspi.ratio_sum_transition,
    MSFUNC = cspi.ratio_of_transition,
    MINVFUNC = cspi.ratio_of_inverse,
    MSTYPE = cspi.ratio,
    MINITCOND = '0/0',
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE cspi.ratio_of(boolean) IS
'The ratio of TRUE to non-NULL values: TRUE counts in numerator and denominator, FALSE in the denominator, NULL not at all (a referral not yet completed is not counted). 0/0 over no rows.';

CREATE AGGREGATE cspi.sum(cspi.ratio) (
    SFUNC = cspi.ratio_sum_transition,
    STYPE = cspi.ratio,
    INITCOND = '0/0',
    COMBINEFUNC = cspi.ratio_sum_transition,
    MSFUNC = cspi.ratio_sum_transition,
    MINVFUNC = cspi.ratio_sum_inverse,
    MSTYPE = cspi.ratio,
    MINITCOND = '0/0',
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE cspi.sum(cspi.ratio) IS
'Pools ratios: the sum of the numerators over the sum of the denominators (months into a year, councils into a region). 0/0 over no rows.';

CREATE FUNCTION cspi.ratio_smaller(cspi.ratio, cspi.ratio) RETURNS cspi.ratio
    AS 'MODULE_PATHNAME', 'cspi_ratio_smaller' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.ratio_smaller(cspi.ratio, cspi.ratio) IS 'The smaller of two ratios in the btree order.';
CREATE FUNCTION cspi.ratio_larger(cspi.ratio, cspi.ratio) RETURNS cspi.ratio
    AS 'MODULE_PATHNAME', 'cspi_ratio_larger' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.ratio_larger(cspi.ratio, cspi.ratio) IS 'The larger of two ratios in the btree order.';

CREATE AGGREGATE cspi.min(cspi.ratio) (
    SFUNC = cspi.ratio_smaller, STYPE = cspi.ratio, COMBINEFUNC = cspi.ratio_smaller,
    SORTOP = OPERATOR(cspi.<), PARALLEL = SAFE
);
COMMENT ON AGGREGATE cspi.min(cspi.ratio) IS 'The smallest ratio by value (ratios with denominator 0 sort last).';
CREATE AGGREGATE cspi.max(cspi.ratio) (
    SFUNC = cspi.ratio_larger, STYPE = cspi.ratio, COMBINEFUNC = cspi.ratio_larger,
    SORTOP = OPERATOR(cspi.>), PARALLEL = SAFE
);
COMMENT ON AGGREGATE cspi.max(cspi.ratio) IS 'The largest ratio by value (ratios with denominator 0 sort last).';

