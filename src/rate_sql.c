/*-------------------------------------------------------------------------
 *
 * rate_sql.c
 *	  Rates per 10,000 (or any base) and target status.
 *
 * "146 children subject to a plan in a population of 22,256: 65.6 per
 * 10,000."  rate_per() gives the unrounded rate, rate_per_10k() the figure
 * reports show, rounded half away from zero to one decimal place exactly:
 * in 128-bit integers (ratio.c) for bigint counts, in numeric for numeric
 * ones, never through floating point.  Counts must not be negative and
 * populations must be positive.  target_met() compares a value with a
 * target under the indicator's polarity (NaN is an error, not a figure).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "ratio.h"
#include "ratio_type.h"

#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/numeric.h"

static void
check_population_int(int64 population)
{
	if (population <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("population must be positive, not " INT64_FORMAT,
						population),
				 errhint("A rate needs the number of children in the population, such as the ONS mid-year estimate.")));
}

/* A count of children is never negative. */
static void
check_count_int(int64 count)
{
	if (count < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("count must not be negative, not " INT64_FORMAT, count),
				 errhint("A rate counts children, events or cases in the population.")));
}

static void
check_per(int32 per)
{
	if (per <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("per must be positive, not %d", per)));
}

static Datum
numeric_of_int64(int64 v)
{
	return DirectFunctionCall1(int8_numeric, Int64GetDatum(v));
}

static void
check_population_numeric(Datum population)
{
	if (numeric_is_nan(DatumGetNumeric(population)) ||
		numeric_is_inf(DatumGetNumeric(population)) ||
		DatumGetInt32(DirectFunctionCall2(numeric_cmp, population,
										  numeric_of_int64(0))) <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("population must be positive, not %s",
						DatumGetCString(DirectFunctionCall1(numeric_out, population))),
				 errhint("A rate needs the number of children in the population, such as the ONS mid-year estimate.")));
}

static void
check_count_numeric(Datum count)
{
	if (numeric_is_nan(DatumGetNumeric(count)) ||
		numeric_is_inf(DatumGetNumeric(count)) ||
		DatumGetInt32(DirectFunctionCall2(numeric_cmp, count,
										  numeric_of_int64(0))) < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("count must be a finite number that is not negative, not %s",
						DatumGetCString(DirectFunctionCall1(numeric_out, count))),
				 errhint("A rate counts children, events or cases in the population.")));
}

/* rate_per(count bigint, population bigint, per integer): unrounded */
PG_FUNCTION_INFO_V1(cspi_rate_per);
Datum
cspi_rate_per(PG_FUNCTION_ARGS)
{
	int64		count = PG_GETARG_INT64(0);
	int64		population = PG_GETARG_INT64(1);
	int32		per = PG_GETARG_INT32(2);

	check_count_int(count);
	check_population_int(population);
	check_per(per);
	PG_RETURN_DATUM(DirectFunctionCall2(numeric_div,
										DirectFunctionCall2(numeric_mul,
															numeric_of_int64(count),
															numeric_of_int64(per)),
										numeric_of_int64(population)));
}

/* rate_per(count numeric, population numeric, per integer): unrounded */
PG_FUNCTION_INFO_V1(cspi_rate_per_numeric);
Datum
cspi_rate_per_numeric(PG_FUNCTION_ARGS)
{
	Datum		count = PG_GETARG_DATUM(0);
	Datum		population = PG_GETARG_DATUM(1);
	int32		per = PG_GETARG_INT32(2);

	check_count_numeric(count);
	check_population_numeric(population);
	check_per(per);
	PG_RETURN_DATUM(DirectFunctionCall2(numeric_div,
										DirectFunctionCall2(numeric_mul, count,
															numeric_of_int64(per)),
										population));
}

/* rate_per_10k(count bigint, population bigint): one decimal place */
PG_FUNCTION_INFO_V1(cspi_rate_per_10k);
Datum
cspi_rate_per_10k(PG_FUNCTION_ARGS)
{
	int64		count = PG_GETARG_INT64(0);
	int64		population = PG_GETARG_INT64(1);
	char		buf[64];

	check_count_int(count);
	check_population_int(population);
	ratio_round_decimal(count, 10000, population, 1, buf);
	PG_RETURN_DATUM(cspi_decimal_to_numeric(buf));
}

/*
 * rate_per_10k(count numeric, population numeric): one decimal place,
 * rounded half away from zero in exact numeric arithmetic: with
 * n = count * 100000, q = trunc(n / population) and r = n - q * population,
 * q moves one away from zero when 2|r| >= population; the rate is q / 10.
 */
PG_FUNCTION_INFO_V1(cspi_rate_per_10k_numeric);
Datum
cspi_rate_per_10k_numeric(PG_FUNCTION_ARGS)
{
	Datum		count = PG_GETARG_DATUM(0);
	Datum		population = PG_GETARG_DATUM(1);
	Datum		n;
	Datum		q;
	Datum		r;
	Datum		twice_r;

	check_count_numeric(count);
	check_population_numeric(population);
	n = DirectFunctionCall2(numeric_mul, count, numeric_of_int64(100000));
	q = DirectFunctionCall2(numeric_div_trunc, n, population);
	r = DirectFunctionCall2(numeric_sub, n,
							DirectFunctionCall2(numeric_mul, q, population));
	twice_r = DirectFunctionCall1(numeric_abs,
								  DirectFunctionCall2(numeric_mul, r, numeric_of_int64(2)));
	if (DatumGetInt32(DirectFunctionCall2(numeric_cmp, twice_r, population)) >= 0)
	{
		bool		negative = DatumGetInt32(DirectFunctionCall2(numeric_cmp, n,
																 numeric_of_int64(0))) < 0;

		q = DirectFunctionCall2(negative ? numeric_sub : numeric_add, q,
								numeric_of_int64(1));
	}
	PG_RETURN_DATUM(DirectFunctionCall2(numeric_round,
										DirectFunctionCall2(numeric_div, q, numeric_of_int64(10)),
										Int32GetDatum(1)));
}

/* target_met(value numeric, target numeric, polarity text) */
PG_FUNCTION_INFO_V1(cspi_target_met);
Datum
cspi_target_met(PG_FUNCTION_ARGS)
{
	Datum		value = PG_GETARG_DATUM(0);
	Datum		target = PG_GETARG_DATUM(1);
	char	   *polarity = text_to_cstring(PG_GETARG_TEXT_PP(2));
	char	   *p = polarity;
	int			len;
	int			cmp;

	/* Codes are matched ignoring case and surrounding spaces. */
	while (*p == ' ')
		p++;
	len = (int) strlen(p);
	while (len > 0 && p[len - 1] == ' ')
		len--;
	/*
	 * numeric's order puts NaN above every number, so NaN would meet any
	 * "higher" target: it is not a figure, and an error says so.
	 */
	if (numeric_is_nan(DatumGetNumeric(value)) ||
		numeric_is_nan(DatumGetNumeric(target)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("target_met cannot compare NaN"),
				 errdetail("Value %s, target %s.",
						   DatumGetCString(DirectFunctionCall1(numeric_out, value)),
						   DatumGetCString(DirectFunctionCall1(numeric_out, target)))));
	cmp = DatumGetInt32(DirectFunctionCall2(numeric_cmp, value, target));
	if (len == 6 && pg_strncasecmp(p, "higher", 6) == 0)
		PG_RETURN_BOOL(cmp >= 0);
	if (len == 5 && pg_strncasecmp(p, "lower", 5) == 0)
		PG_RETURN_BOOL(cmp <= 0);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("polarity must be \"higher\" or \"lower\", not \"%s\"",
					polarity)));
	PG_RETURN_NULL();			/* keep the compiler quiet */
}
