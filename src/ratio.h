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

/*
 * 128-bit integers: PostgreSQL's own (PG_INT128_TYPE, from pg_config.h, which
 * the module's build includes for ratio.c) where PostgreSQL has one, else
 * the compiler's, as in the stand-alone unit tests.
 */
#if defined(PG_INT128_TYPE)
typedef PG_INT128_TYPE ratio_int128;
typedef unsigned PG_INT128_TYPE ratio_uint128;
#elif defined(__SIZEOF_INT128__)
typedef __int128 ratio_int128;
typedef unsigned __int128 ratio_uint128;
#else
#error "cspi needs a compiler with a 128-bit integer type"
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
 * ratio_of's steps: count one more value (hit: in the numerator too), or
 * one fewer for a moving window.  The state is left as it was on an error;
 * both parts are checked, since a state can be any valid ratio
 * ('9223372036854775807/5' plus a hit overflows the numerator first).
 */
static inline RatioStatus
ratio_count(Ratio *state, bool hit)
{
	if (state->den == INT64_MAX || (hit && state->num == INT64_MAX))
		return RATIO_OVERFLOW;
	state->den++;
	state->num += hit ? 1 : 0;
	return RATIO_OK;
}

static inline RatioStatus
ratio_uncount(Ratio *state, bool hit)
{
	if (state->den < 1 || (hit && state->num < 1))
		return RATIO_NEGATIVE;
	state->den--;
	state->num -= hit ? 1 : 0;
	return RATIO_OK;
}

/*
 * A hash key of the pair that is the same on every platform: numerator then
 * denominator as little-endian bytes (on little-endian machines, the bytes
 * of the struct, as cspi 1.0 hashed them, so hash indexes stay valid).
 */
static inline void
ratio_hash_key(Ratio r, unsigned char key[16])
{
	uint64_t	parts[2] = {(uint64_t) r.num, (uint64_t) r.den};

	for (int i = 0; i < 2; i++)
		for (int b = 0; b < 8; b++)
			key[8 * i + b] = (unsigned char) (parts[i] >> (8 * b));
}

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
