--------------------------------------------------------------------------
-- Rates and targets
--------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION cspi.rate_per(count bigint, population bigint, per integer DEFAULT 10000)
    RETURNS numeric
    AS 'MODULE_PATHNAME', 'cspi_rate_per' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.rate_per(bigint, bigint, integer) IS
'count per per (default 10,000) of population, unrounded; an error when count is negative or population is not positive.';
CREATE OR REPLACE FUNCTION cspi.rate_per(count numeric, population numeric, per integer DEFAULT 10000)
    RETURNS numeric
    AS 'MODULE_PATHNAME', 'cspi_rate_per_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.rate_per(numeric, numeric, integer) IS
'count per per (default 10,000) of a fractional population, unrounded; an error when count is negative, NaN or infinite, or population is not positive and finite.';
CREATE OR REPLACE FUNCTION cspi.rate_per_10k(count bigint, population bigint) RETURNS numeric
    AS 'MODULE_PATHNAME', 'cspi_rate_per_10k' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.rate_per_10k(bigint, bigint) IS
'count per 10,000 of population as reports show it: rounded half away from zero to one decimal place, exactly (146 in 22,256 is 65.6).';
CREATE OR REPLACE FUNCTION cspi.rate_per_10k(count numeric, population numeric) RETURNS numeric
    AS 'MODULE_PATHNAME', 'cspi_rate_per_10k_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.rate_per_10k(numeric, numeric) IS
'count per 10,000 of a fractional population, rounded half away from zero to one decimal place, exactly.';

-- integer overloads, so that calls with integer arguments (literals, int4
-- columns) are not ambiguous between the bigint and numeric versions.
CREATE OR REPLACE FUNCTION cspi.rate_per(count integer, population integer, per integer DEFAULT 10000)
    RETURNS numeric
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN cspi.rate_per(count::bigint, population::bigint, per);
COMMENT ON FUNCTION cspi.rate_per(integer, integer, integer) IS
'rate_per for integer arguments.';
CREATE OR REPLACE FUNCTION cspi.rate_per_10k(count integer, population integer) RETURNS numeric
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN cspi.rate_per_10k(count::bigint, population::bigint);
COMMENT ON FUNCTION cspi.rate_per_10k(integer, integer) IS
'rate_per_10k for integer arguments.';

CREATE OR REPLACE FUNCTION cspi.target_met(value numeric, target numeric, polarity text) RETURNS boolean
    AS 'MODULE_PATHNAME', 'cspi_target_met' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.target_met(numeric, numeric, text) IS
'Whether value meets target: value >= target when polarity is ''higher'' (is better), value <= target when ''lower''; any other polarity, and a NaN value or target, is an error.';

