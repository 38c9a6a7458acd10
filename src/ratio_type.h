/*-------------------------------------------------------------------------
 *
 * ratio_type.h
 *	  Shared declarations of the cspi.ratio type's PostgreSQL layer.
 *
 *-------------------------------------------------------------------------
 */
#ifndef CSPI_RATIO_TYPE_H
#define CSPI_RATIO_TYPE_H

#include "fmgr.h"
#include "ratio.h"

#define PG_GETARG_RATIO_P(n)	((Ratio *) PG_GETARG_POINTER(n))
#define PG_RETURN_RATIO_P(x)	PG_RETURN_POINTER(x)

extern Ratio *cspi_ratio_palloc(Ratio value);
extern void cspi_ratio_check(RatioStatus st, const char *what);
extern Datum cspi_decimal_to_numeric(const char *text);

#endif							/* CSPI_RATIO_TYPE_H */
