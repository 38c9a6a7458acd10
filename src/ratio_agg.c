/*-------------------------------------------------------------------------
 *
 * ratio_agg.c
 *	  Transition, combine and inverse functions of cspi.ratio_of(boolean)
 *	  and cspi.sum(ratio).
 *
 * The aggregates' state is a cspi.ratio itself, not "internal", so that a
 * partial aggregate can be serialised as an ordinary value: parallel workers
 * combine states with cspi.sum's own transition function, and distributed
 * planners (Citus) or foreign-data wrappers can push the aggregate down and
 * pool the partial ratios.  Called as an aggregate, the functions update the
 * state in place (the state lives in the aggregate's memory context), so a
 * row costs no allocation; called directly, they return a new value.  The
 * inverse functions make them moving aggregates: a rolling 12-month window
 * is computed in linear time.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "ratio.h"
#include "ratio_type.h"

#include "fmgr.h"

/* The state to update: the argument itself inside an aggregate. */
static inline Ratio *
writable_state(FunctionCallInfo fcinfo)
{
	Ratio	   *state = PG_GETARG_RATIO_P(0);

	if (AggCheckCallContext(fcinfo, NULL))
		return state;
	return cspi_ratio_palloc(*state);
}

/* ratio_of: TRUE counts in numerator and denominator, FALSE in the latter. */
PG_FUNCTION_INFO_V1(cspi_ratio_of_transition);
Datum
cspi_ratio_of_transition(PG_FUNCTION_ARGS)
{
	Ratio	   *state = writable_state(fcinfo);

	cspi_ratio_check(ratio_count(state, PG_GETARG_BOOL(1)), "ratio_of count");
	PG_RETURN_RATIO_P(state);
}

PG_FUNCTION_INFO_V1(cspi_ratio_of_inverse);
Datum
cspi_ratio_of_inverse(PG_FUNCTION_ARGS)
{
	Ratio	   *state = writable_state(fcinfo);

	cspi_ratio_check(ratio_uncount(state, PG_GETARG_BOOL(1)), "ratio_of count");
	PG_RETURN_RATIO_P(state);
}

/* sum(ratio), and the combine function of both aggregates: pooling. */
PG_FUNCTION_INFO_V1(cspi_ratio_sum_transition);
Datum
cspi_ratio_sum_transition(PG_FUNCTION_ARGS)
{
	Ratio	   *state = writable_state(fcinfo);

	cspi_ratio_check(ratio_add(*state, *PG_GETARG_RATIO_P(1), state),
					 "pooled ratio");
	PG_RETURN_RATIO_P(state);
}

PG_FUNCTION_INFO_V1(cspi_ratio_sum_inverse);
Datum
cspi_ratio_sum_inverse(PG_FUNCTION_ARGS)
{
	Ratio	   *state = writable_state(fcinfo);

	cspi_ratio_check(ratio_sub(*state, *PG_GETARG_RATIO_P(1), state),
					 "pooled ratio");
	PG_RETURN_RATIO_P(state);
}
