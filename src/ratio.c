/*-------------------------------------------------------------------------
 *
 * ratio.c
 *	  Ratio arithmetic: parsing, formatting, exact comparison, pooling and
 *	  exact decimal rounding.  No PostgreSQL includes: see ratio.h.
 *
 * Every percentage of a performance report is a ratio of two counts, and
 * pooling months into a year must add numerators and denominators, never
 * average percentages.  Comparison cross-multiplies in 128 bits, rounding
 * divides in 128 bits and rounds the remainder half away from zero, so no
 * value ever passes through floating point.
 *
 *-------------------------------------------------------------------------
 */
#include "ratio.h"

#include <stdio.h>
#include <string.h>


static const char *
skip_spaces(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	return p;
}

/* Parse a non-negative decimal integer; *end set past it. */
static RatioStatus
parse_count(const char *p, const char **end, int64_t *result)
{
	int64_t		value = 0;
	const char *start;

	p = skip_spaces(p);
	if (*p == '-')
	{
		/* "-0" is still a negative sign: refuse it as such. */
		if (p[1] >= '0' && p[1] <= '9')
			return RATIO_NEGATIVE;
		return RATIO_SYNTAX;
	}
	if (*p == '+')
		p++;
	start = p;
	while (*p >= '0' && *p <= '9')
	{
		int			digit = *p - '0';

		if (value > (INT64_MAX - digit) / 10)
			return RATIO_OVERFLOW;
		value = value * 10 + digit;
		p++;
	}
	if (p == start)
		return RATIO_SYNTAX;
	*end = skip_spaces(p);
	*result = value;
	return RATIO_OK;
}

RatioStatus
ratio_parse(const char *text, Ratio *result)
{
	const char *p = text;
	Ratio		r;
	RatioStatus st;

	st = parse_count(p, &p, &r.num);
	if (st != RATIO_OK)
		return st;
	if (*p != '/')
		return RATIO_SYNTAX;
	st = parse_count(p + 1, &p, &r.den);
	if (st != RATIO_OK)
		return st;
	if (*p != '\0')
		return RATIO_SYNTAX;
	*result = r;
	return RATIO_OK;
}

void
ratio_format(Ratio r, char *buf)
{
	snprintf(buf, 42, "%lld/%lld", (long long) r.num, (long long) r.den);
}

int
ratio_cmp(Ratio a, Ratio b)
{
	ratio_int128	lhs;
	ratio_int128	rhs;

	if (a.den == 0 || b.den == 0)
	{
		if (a.den != 0)
			return -1;
		if (b.den != 0)
			return 1;
		return (a.num > b.num) - (a.num < b.num);
	}
	lhs = (ratio_int128) a.num * b.den;
	rhs = (ratio_int128) b.num * a.den;
	if (lhs != rhs)
		return lhs < rhs ? -1 : 1;
	return (a.den > b.den) - (a.den < b.den);
}

RatioStatus
ratio_add(Ratio a, Ratio b, Ratio *result)
{
	if (a.num > INT64_MAX - b.num || a.den > INT64_MAX - b.den)
		return RATIO_OVERFLOW;
	result->num = a.num + b.num;
	result->den = a.den + b.den;
	return RATIO_OK;
}

RatioStatus
ratio_sub(Ratio a, Ratio b, Ratio *result)
{
	if (a.num < b.num || a.den < b.den)
		return RATIO_NEGATIVE;
	result->num = a.num - b.num;
	result->den = a.den - b.den;
	return RATIO_OK;
}

/* Write an unsigned 128-bit integer in decimal; returns its length. */
static int
format_u128(ratio_uint128 v, char *buf)
{
	char		digits[48];
	int			n = 0;

	do
	{
		digits[n++] = (char) ('0' + (int) (v % 10));
		v /= 10;
	} while (v != 0);
	for (int i = 0; i < n; i++)
		buf[i] = digits[n - 1 - i];
	buf[n] = '\0';
	return n;
}

bool
ratio_round_decimal(int64_t num, int64_t mult, int64_t den, int digits,
					char *buf)
{
	ratio_uint128 n;
	ratio_uint128 d;
	ratio_uint128 q;
	ratio_uint128 r;
	bool		negative;
	char		digits_buf[48];
	int			len;
	char	   *out = buf;

	if (digits < 0 || digits > RATIO_MAX_DIGITS || den == 0)
		return false;

	/* Work on magnitudes; the sign goes on at the end. */
	negative = ((num < 0) != (mult < 0)) != (den < 0);
	n = (ratio_uint128) (num < 0 ? -(ratio_int128) num : (ratio_int128) num)
		* (ratio_uint128) (mult < 0 ? -(ratio_int128) mult : (ratio_int128) mult);
	for (int i = 0; i < digits; i++)
		n *= 10;
	d = (ratio_uint128) (den < 0 ? -(ratio_int128) den : (ratio_int128) den);
	q = n / d;
	r = n % d;
	/* Half away from zero: up when the remainder is at least half. */
	if (2 * r >= d)
		q++;

	len = format_u128(q, digits_buf);
	if (negative && q != 0)
		*out++ = '-';
	if (digits == 0)
	{
		memcpy(out, digits_buf, (size_t) len + 1);
		return true;
	}
	/* Pad with leading zeros so there is a digit before the point. */
	if (len <= digits)
	{
		int			pad = digits + 1 - len;

		memmove(digits_buf + pad, digits_buf, (size_t) len + 1);
		memset(digits_buf, '0', (size_t) pad);
		len += pad;
	}
	memcpy(out, digits_buf, (size_t) (len - digits));
	out += len - digits;
	*out++ = '.';
	memcpy(out, digits_buf + len - digits, (size_t) digits + 1);
	return true;
}

void
ratio_format_thousands(int64_t value, char *buf)
{
	char		plain[24];
	int			len;
	int			first;
	char	   *out = buf;
	const char *p = plain;

	snprintf(plain, sizeof(plain), "%lld", (long long) value);
	if (*p == '-')
	{
		*out++ = *p++;
	}
	len = (int) strlen(p);
	first = len % 3 == 0 ? 3 : len % 3;
	memcpy(out, p, (size_t) first);
	out += first;
	p += first;
	while (*p)
	{
		*out++ = ',';
		memcpy(out, p, 3);
		out += 3;
		p += 3;
	}
	*out = '\0';
}

void
ratio_format_report(Ratio r, char *buf)
{
	char		percent[64];
	char		num[32];
	char		den[32];

	ratio_format_thousands(r.num, num);
	ratio_format_thousands(r.den, den);
	if (r.den == 0)
		snprintf(buf, RATIO_REPORT_LEN, "n/a (%s / %s)", num, den);
	else
	{
		ratio_round_decimal(r.num, 100, r.den, 1, percent);
		snprintf(buf, RATIO_REPORT_LEN, "%s%% (%s / %s)", percent, num, den);
	}
}
