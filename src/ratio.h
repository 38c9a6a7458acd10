/*-------------------------------------------------------------------------
 *
 * ratio.h
 *	  Ratios of two counts: parsing, formatting, exact comparison, pooling
 *	  and exact decimal rounding.
 *
 * The pure arithmetic behind the cspi.ratio type and the rate functions.
 * No PostgreSQL includes, so that it can be unit-tested on its own;
 * src/ratio_type.c, src/ratio_agg.c and src/rate_sql.c are the PostgreSQL
 * layer.  Needs a compiler with a 128-bit integer type (GCC and Clang on
 * every 64-bit platform PostgreSQL runs on).
 *
 *-------------------------------------------------------------------------
 */
#ifndef CSPI_RATIO_H
#define CSPI_RATIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifndef __SIZEOF_INT128__
#error "cspi needs a compiler with __int128"
#endif

typedef struct Ratio
{
	int64_t		num;			/* numerator, >= 0 */
	int64_t		den;			/* denominator, >= 0 */
} Ratio;

typedef enum RatioStatus
{
	RATIO_OK = 0,
	RATIO_SYNTAX,				/* not digits '/' digits */
	RATIO_NEGATIVE,				/* a part is negative */
	RATIO_OVERFLOW				/* a part, or a sum, passes 2^63 - 1 */
} RatioStatus;

/* Largest number of decimal places ratio_round_decimal() accepts. */
#define RATIO_MAX_DIGITS 15

/* Longest text ratio_format_report() writes, with its terminating NUL. */
#define RATIO_REPORT_LEN 136

/* Parse "1119/1374" (spaces around the parts allowed). */
extern RatioStatus ratio_parse(const char *text, Ratio *result);

/* Write "1119/1374"; buf needs 42 bytes. */
extern void ratio_format(Ratio r, char *buf);

/*
 * Compare by value, exactly (cross-multiplied in 128 bits).  Ratios with a
 * zero denominator have no value and sort after every other; ties of value
 * (1/2 and 2/4) are ordered by denominator, so that the order is total and
 * two ratios compare equal only when they are the same pair.
 */
extern int	ratio_cmp(Ratio a, Ratio b);

/* Pooling: numerators and denominators added (subtracted, for moving
 * aggregates); RATIO_OVERFLOW, or RATIO_NEGATIVE below zero. */
extern RatioStatus ratio_add(Ratio a, Ratio b, Ratio *result);
extern RatioStatus ratio_sub(Ratio a, Ratio b, Ratio *result);

/*
 * Round num * mult / den to digits decimal places, half away from zero,
 * exactly; write it as a decimal string ("81.4", "-0.05", "13").  den must
 * not be zero; num * mult * 10^digits must fit in 127 bits (with |num| and
 * den below 2^63, mult up to 10^4 and digits up to 15, it does).  buf needs
 * 64 bytes.  False if digits is out of range.
 */
extern bool ratio_round_decimal(int64_t num, int64_t mult, int64_t den,
								int digits, char *buf);

/* An integer with thousands separators: 1374 -> "1,374"; buf: 32 bytes. */
extern void ratio_format_thousands(int64_t value, char *buf);

/* The report's form: "81.4% (1,119 / 1,374)", "n/a (0 / 0)". */
extern void ratio_format_report(Ratio r, char *buf);

#endif							/* CSPI_RATIO_H */
