/*-------------------------------------------------------------------------
 *
 * ratio_type.c
 *	  The cspi.ratio type: input/output, operators, btree and hash support,
 *	  casts and the percentage functions.  Thin fmgr wrappers over ratio.c.
 *
 * A ratio is a fixed-size, 16-byte pass-by-reference value: a numerator and
 * a denominator, both non-negative 64-bit counts.  Equality is "the same
 * pair"; the btree order is by value (exactly, by cross-multiplication),
 * ties of value broken by denominator, ratios with no value (x/0) last, so
 * that the order is total and agrees with equality.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "ratio.h"
#include "ratio_type.h"

#include "common/hashfn.h"
#include "fmgr.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/numeric.h"

Ratio *
cspi_ratio_palloc(Ratio value)
{
	Ratio	   *result = (Ratio *) palloc(sizeof(Ratio));

	*result = value;
	return result;
}

void
cspi_ratio_check(RatioStatus st, const char *what)
{
	switch (st)
	{
		case RATIO_OK:
			return;
		case RATIO_OVERFLOW:
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("%s is out of range for type cspi.ratio", what),
					 errdetail("Numerator and denominator must each be at most 9223372036854775807.")));
			break;
		case RATIO_NEGATIVE:
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("%s would have a negative part", what),
					 errdetail("Numerator and denominator of a cspi.ratio are counts, never negative.")));
			break;
		case RATIO_SYNTAX:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid %s", what)));
			break;
	}
}

/*
 * Input.  From PostgreSQL 16 on, a bad ratio is a soft error when the caller
 * asks for one (pg_input_is_valid, COPY ... ON_ERROR), as built-in types do.
 */
#if PG_VERSION_NUM >= 160000
#define RATIO_INPUT_ERROR(fcinfo, ...) \
	ereturn((fcinfo)->context, (Datum) 0, __VA_ARGS__)
#else
#define RATIO_INPUT_ERROR(fcinfo, ...) \
	do { ereport(ERROR, __VA_ARGS__); pg_unreachable(); } while (0)
#endif

PG_FUNCTION_INFO_V1(cspi_ratio_in);
Datum
cspi_ratio_in(PG_FUNCTION_ARGS)
{
	char	   *text = PG_GETARG_CSTRING(0);
	Ratio		r;
	RatioStatus st = ratio_parse(text, &r);

	if (st == RATIO_SYNTAX)
		RATIO_INPUT_ERROR(fcinfo,
						  (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						   errmsg("invalid input syntax for type cspi.ratio: \"%s\"", text),
						   errhint("A ratio is written numerator/denominator, such as 1119/1374.")));
	if (st == RATIO_NEGATIVE)
		RATIO_INPUT_ERROR(fcinfo,
						  (errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
						   errmsg("ratio \"%s\" has a negative part", text),
						   errdetail("Numerator and denominator of a cspi.ratio are counts, never negative.")));
	if (st == RATIO_OVERFLOW)
		RATIO_INPUT_ERROR(fcinfo,
						  (errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
						   errmsg("ratio \"%s\" is out of range for type cspi.ratio", text),
						   errdetail("Numerator and denominator must each be at most 9223372036854775807.")));
	PG_RETURN_RATIO_P(cspi_ratio_palloc(r));
}

PG_FUNCTION_INFO_V1(cspi_ratio_out);
Datum
cspi_ratio_out(PG_FUNCTION_ARGS)
{
	char	   *buf = palloc(42);

	ratio_format(*PG_GETARG_RATIO_P(0), buf);
	PG_RETURN_CSTRING(buf);
}

PG_FUNCTION_INFO_V1(cspi_ratio_recv);
Datum
cspi_ratio_recv(PG_FUNCTION_ARGS)
{
	StringInfo	msg = (StringInfo) PG_GETARG_POINTER(0);
	Ratio		r;

	r.num = pq_getmsgint64(msg);
	r.den = pq_getmsgint64(msg);
	if (r.num < 0 || r.den < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary cspi.ratio: negative part")));
	PG_RETURN_RATIO_P(cspi_ratio_palloc(r));
}

PG_FUNCTION_INFO_V1(cspi_ratio_send);
Datum
cspi_ratio_send(PG_FUNCTION_ARGS)
{
	Ratio	   *r = PG_GETARG_RATIO_P(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint64(&buf, r->num);
	pq_sendint64(&buf, r->den);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ratio(numerator bigint, denominator bigint) */
PG_FUNCTION_INFO_V1(cspi_ratio_make);
Datum
cspi_ratio_make(PG_FUNCTION_ARGS)
{
	Ratio		r = {PG_GETARG_INT64(0), PG_GETARG_INT64(1)};

	if (r.num < 0 || r.den < 0)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("ratio %lld/%lld has a negative part",
						(long long) r.num, (long long) r.den),
				 errdetail("Numerator and denominator of a cspi.ratio are counts, never negative.")));
	PG_RETURN_RATIO_P(cspi_ratio_palloc(r));
}

PG_FUNCTION_INFO_V1(cspi_ratio_numerator);
Datum
cspi_ratio_numerator(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(PG_GETARG_RATIO_P(0)->num);
}

PG_FUNCTION_INFO_V1(cspi_ratio_denominator);
Datum
cspi_ratio_denominator(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(PG_GETARG_RATIO_P(0)->den);
}

/* A decimal string from ratio.c as a numeric. */
Datum
cspi_decimal_to_numeric(const char *text)
{
	return DirectFunctionCall3(numeric_in, CStringGetDatum(text),
							   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
}

/* percent(ratio, digits): 100 * num / den rounded half away from zero. */
PG_FUNCTION_INFO_V1(cspi_ratio_percent);
Datum
cspi_ratio_percent(PG_FUNCTION_ARGS)
{
	Ratio	   *r = PG_GETARG_RATIO_P(0);
	int32		digits = PG_GETARG_INT32(1);
	char		buf[64];

	if (digits < 0 || digits > RATIO_MAX_DIGITS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("digits must be between 0 and %d, not %d",
						RATIO_MAX_DIGITS, digits)));
	if (r->den == 0)
		PG_RETURN_NULL();
	ratio_round_decimal(r->num, 100, r->den, digits, buf);
	PG_RETURN_DATUM(cspi_decimal_to_numeric(buf));
}

/* to_numeric(ratio): num / den at numeric division's precision. */
PG_FUNCTION_INFO_V1(cspi_ratio_to_numeric);
Datum
cspi_ratio_to_numeric(PG_FUNCTION_ARGS)
{
	Ratio	   *r = PG_GETARG_RATIO_P(0);

	if (r->den == 0)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(DirectFunctionCall2(numeric_div,
										DirectFunctionCall1(int8_numeric, Int64GetDatum(r->num)),
										DirectFunctionCall1(int8_numeric, Int64GetDatum(r->den))));
}

PG_FUNCTION_INFO_V1(cspi_ratio_to_float8);
Datum
cspi_ratio_to_float8(PG_FUNCTION_ARGS)
{
	Ratio	   *r = PG_GETARG_RATIO_P(0);

	if (r->den == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8((double) r->num / (double) r->den);
}

/* format_ratio(ratio): "81.4% (1,119 / 1,374)" */
PG_FUNCTION_INFO_V1(cspi_ratio_format);
Datum
cspi_ratio_format(PG_FUNCTION_ARGS)
{
	char		buf[RATIO_REPORT_LEN];

	ratio_format_report(*PG_GETARG_RATIO_P(0), buf);
	PG_RETURN_TEXT_P(cstring_to_text(buf));
}

/* ratio + ratio: pooling */
PG_FUNCTION_INFO_V1(cspi_ratio_add);
Datum
cspi_ratio_add(PG_FUNCTION_ARGS)
{
	Ratio		result;

	cspi_ratio_check(ratio_add(*PG_GETARG_RATIO_P(0), *PG_GETARG_RATIO_P(1),
							   &result), "pooled ratio");
	PG_RETURN_RATIO_P(cspi_ratio_palloc(result));
}

/* Comparison: btree order and its operators. */
#define RATIO_CMP(a, b) ratio_cmp(*PG_GETARG_RATIO_P(a), *PG_GETARG_RATIO_P(b))

PG_FUNCTION_INFO_V1(cspi_ratio_cmp);
Datum
cspi_ratio_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(RATIO_CMP(0, 1));
}

PG_FUNCTION_INFO_V1(cspi_ratio_eq);
Datum
cspi_ratio_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(RATIO_CMP(0, 1) == 0);
}

PG_FUNCTION_INFO_V1(cspi_ratio_ne);
Datum
cspi_ratio_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(RATIO_CMP(0, 1) != 0);
}

PG_FUNCTION_INFO_V1(cspi_ratio_lt);
Datum
cspi_ratio_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(RATIO_CMP(0, 1) < 0);
}

PG_FUNCTION_INFO_V1(cspi_ratio_le);
Datum
cspi_ratio_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(RATIO_CMP(0, 1) <= 0);
}

PG_FUNCTION_INFO_V1(cspi_ratio_gt);
Datum
cspi_ratio_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(RATIO_CMP(0, 1) > 0);
}

PG_FUNCTION_INFO_V1(cspi_ratio_ge);
Datum
cspi_ratio_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(RATIO_CMP(0, 1) >= 0);
}

PG_FUNCTION_INFO_V1(cspi_ratio_smaller);
Datum
cspi_ratio_smaller(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(RATIO_CMP(0, 1) <= 0 ? PG_GETARG_DATUM(0) : PG_GETARG_DATUM(1));
}

PG_FUNCTION_INFO_V1(cspi_ratio_larger);
Datum
cspi_ratio_larger(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(RATIO_CMP(0, 1) >= 0 ? PG_GETARG_DATUM(0) : PG_GETARG_DATUM(1));
}

/*
 * Hash of the pair, for hash joins, hashed GROUP BY and DISTINCT: of the two
 * integers in a fixed byte order (ratio_hash_key), so that it is the same on
 * every platform.
 */
PG_FUNCTION_INFO_V1(cspi_ratio_hash);
Datum
cspi_ratio_hash(PG_FUNCTION_ARGS)
{
	unsigned char key[16];

	ratio_hash_key(*PG_GETARG_RATIO_P(0), key);
	return hash_any(key, sizeof(key));
}

PG_FUNCTION_INFO_V1(cspi_ratio_hash_extended);
Datum
cspi_ratio_hash_extended(PG_FUNCTION_ARGS)
{
	unsigned char key[16];

	ratio_hash_key(*PG_GETARG_RATIO_P(0), key);
	return hash_any_extended(key, sizeof(key), PG_GETARG_INT64(1));
}
