/*
 * test_ratio.c
 *	  Unit tests of the ratio core (src/ratio.c).
 *
 * Hand-worked values first (the report's figures, rounding of x.x5 cases,
 * overflow), then random checks against independent algorithms: fractions
 * are compared by continued-fraction expansion (no multiplication at all),
 * and decimal rounding is redone by schoolbook long division of the
 * numerator's digit string.
 *
 * Usage: test_ratio [cases]   (default 1,000,000 random cases)
 */
#include "ratio.h"

#include "unit_test.h"

#include <stdlib.h>
#include <string.h>


/* A count: often small, sometimes huge. */
static int64_t
random_count(void)
{
	switch (rng() % 4)
	{
		case 0:
			return (int64_t) (rng() % 10);
		case 1:
			return (int64_t) (rng() % 5000);
		case 2:
			return (int64_t) (rng() % 1000000000);
		default:
			return (int64_t) (rng() >> 1);
	}
}

static void
test_parse_and_format(void)
{
	Ratio		r;
	char		buf[RATIO_REPORT_LEN];

	CHECK(ratio_parse("1119/1374", &r) == RATIO_OK && r.num == 1119 && r.den == 1374,
		  "parse 1119/1374");
	CHECK(ratio_parse(" 7 / 196 ", &r) == RATIO_OK && r.num == 7 && r.den == 196,
		  "spaces");
	CHECK(ratio_parse("0/0", &r) == RATIO_OK && r.num == 0 && r.den == 0, "0/0");
	CHECK(ratio_parse("5/3", &r) == RATIO_OK, "numerator above denominator");
	CHECK(ratio_parse("9223372036854775807/9223372036854775807", &r) == RATIO_OK
		  && r.num == INT64_MAX, "largest");
	CHECK(ratio_parse("9223372036854775808/1", &r) == RATIO_OVERFLOW, "overflow");
	CHECK(ratio_parse("1/99999999999999999999", &r) == RATIO_OVERFLOW, "overflow den");
	CHECK(ratio_parse("-1/3", &r) == RATIO_NEGATIVE, "negative");
	CHECK(ratio_parse("1/-3", &r) == RATIO_NEGATIVE, "negative den");
	CHECK(ratio_parse("1/3x", &r) == RATIO_SYNTAX, "trailing junk");
	CHECK(ratio_parse("1", &r) == RATIO_SYNTAX, "no slash");
	CHECK(ratio_parse("/3", &r) == RATIO_SYNTAX, "no numerator");
	CHECK(ratio_parse("1/", &r) == RATIO_SYNTAX, "no denominator");
	CHECK(ratio_parse("", &r) == RATIO_SYNTAX, "empty");
	CHECK(ratio_parse("1.5/3", &r) == RATIO_SYNTAX, "decimal");
	CHECK(ratio_parse("1/2/3", &r) == RATIO_SYNTAX, "two slashes");

	ratio_format((Ratio) {1119, 1374}, buf);
	CHECK(strcmp(buf, "1119/1374") == 0, "format: %s", buf);
	ratio_format_report((Ratio) {1119, 1374}, buf);
	CHECK(strcmp(buf, "81.4% (1,119 / 1,374)") == 0, "report: %s", buf);
	ratio_format_report((Ratio) {975, 1554}, buf);
	CHECK(strcmp(buf, "62.7% (975 / 1,554)") == 0, "report: %s", buf);
	ratio_format_report((Ratio) {29, 278}, buf);
	CHECK(strcmp(buf, "10.4% (29 / 278)") == 0, "report: %s", buf);
	ratio_format_report((Ratio) {0, 0}, buf);
	CHECK(strcmp(buf, "n/a (0 / 0)") == 0, "report: %s", buf);
	ratio_format_report((Ratio) {5, 5}, buf);
	CHECK(strcmp(buf, "100.0% (5 / 5)") == 0, "report: %s", buf);
	ratio_format_report((Ratio) {INT64_MAX, INT64_MAX}, buf);
	CHECK(strcmp(buf, "100.0% (9,223,372,036,854,775,807 / 9,223,372,036,854,775,807)") == 0,
		  "report: %s", buf);
	ratio_format_thousands(-1234567, buf);
	CHECK(strcmp(buf, "-1,234,567") == 0, "thousands: %s", buf);
	ratio_format_thousands(999, buf);
	CHECK(strcmp(buf, "999") == 0, "thousands: %s", buf);
	ratio_format_thousands(1000, buf);
	CHECK(strcmp(buf, "1,000") == 0, "thousands: %s", buf);
}

static void
test_rounding_known(void)
{
	char		buf[64];

	/* 1/8 = 12.5% -> 13 at 0 digits; 1/40 = 2.5% -> 3; half away from zero */
	ratio_round_decimal(1, 100, 8, 0, buf);
	CHECK(strcmp(buf, "13") == 0, "1/8: %s", buf);
	ratio_round_decimal(1, 100, 40, 0, buf);
	CHECK(strcmp(buf, "3") == 0, "1/40: %s", buf);
	ratio_round_decimal(1, 100, 8, 1, buf);
	CHECK(strcmp(buf, "12.5") == 0, "1/8 at 1: %s", buf);
	ratio_round_decimal(-1, 100, 8, 0, buf);
	CHECK(strcmp(buf, "-13") == 0, "-1/8: %s", buf);
	ratio_round_decimal(1, 100, 3, 2, buf);
	CHECK(strcmp(buf, "33.33") == 0, "1/3: %s", buf);
	ratio_round_decimal(2, 100, 3, 2, buf);
	CHECK(strcmp(buf, "66.67") == 0, "2/3: %s", buf);
	ratio_round_decimal(1, 100, 2000, 1, buf);
	CHECK(strcmp(buf, "0.1") == 0, "0.05 rounds up: %s", buf);
	ratio_round_decimal(-1, 100, 2000, 1, buf);
	CHECK(strcmp(buf, "-0.1") == 0, "-0.05 rounds away: %s", buf);
	ratio_round_decimal(1, 100, 3000, 1, buf);
	CHECK(strcmp(buf, "0.0") == 0, "0.033: %s", buf);
	ratio_round_decimal(-1, 100, 3000, 1, buf);
	CHECK(strcmp(buf, "0.0") == 0, "no negative zero: %s", buf);
	/* Rates per 10,000: 146 and 300 children in a population of 22,256. */
	ratio_round_decimal(146, 10000, 22256, 1, buf);
	CHECK(strcmp(buf, "65.6") == 0, "146 per 10k: %s", buf);
	ratio_round_decimal(300, 10000, 22256, 1, buf);
	CHECK(strcmp(buf, "134.8") == 0, "300 per 10k: %s", buf);
	ratio_round_decimal(7, 100, 196, 1, buf);
	CHECK(strcmp(buf, "3.6") == 0, "7/196: %s", buf);
	ratio_round_decimal(INT64_MAX, 10000, 1, 15, buf);
	CHECK(strcmp(buf, "92233720368547758070000.000000000000000") == 0,
		  "largest: %s", buf);
	CHECK(!ratio_round_decimal(1, 100, 3, 16, buf), "too many digits");
	CHECK(!ratio_round_decimal(1, 100, 3, -1, buf), "negative digits");
	CHECK(!ratio_round_decimal(1, 100, 0, 1, buf), "zero denominator");
}

static void
test_compare_and_pool_known(void)
{
	Ratio		r;

	CHECK(ratio_cmp((Ratio) {1, 2}, (Ratio) {2, 4}) < 0, "same value: smaller den first");
	CHECK(ratio_cmp((Ratio) {2, 4}, (Ratio) {1, 2}) > 0, "same value, reversed");
	CHECK(ratio_cmp((Ratio) {1, 2}, (Ratio) {1, 2}) == 0, "same pair");
	CHECK(ratio_cmp((Ratio) {1, 3}, (Ratio) {1, 2}) < 0, "1/3 < 1/2");
	CHECK(ratio_cmp((Ratio) {5, 0}, (Ratio) {1, 1}) > 0, "no value sorts last");
	CHECK(ratio_cmp((Ratio) {0, 0}, (Ratio) {5, 0}) < 0, "among no values, by numerator");
	CHECK(ratio_cmp((Ratio) {INT64_MAX, INT64_MAX - 1}, (Ratio) {INT64_MAX - 1, INT64_MAX - 2}) < 0,
		  "huge, close values");

	CHECK(ratio_add((Ratio) {1119, 1374}, (Ratio) {1, 2}, &r) == RATIO_OK
		  && r.num == 1120 && r.den == 1376, "pool");
	CHECK(ratio_add((Ratio) {INT64_MAX, INT64_MAX}, (Ratio) {0, 1}, &r) == RATIO_OVERFLOW,
		  "pool overflow");
	CHECK(ratio_add((Ratio) {INT64_MAX, 0}, (Ratio) {1, 0}, &r) == RATIO_OVERFLOW,
		  "numerator overflow");
	CHECK(ratio_sub((Ratio) {5, 9}, (Ratio) {2, 4}, &r) == RATIO_OK
		  && r.num == 3 && r.den == 5, "unpool");
	CHECK(ratio_sub((Ratio) {1, 9}, (Ratio) {2, 4}, &r) == RATIO_NEGATIVE, "below zero");

	/* ratio_of's steps check both parts; an error leaves the state alone. */
	r = (Ratio) {3, 5};
	CHECK(ratio_count(&r, true) == RATIO_OK && r.num == 4 && r.den == 6, "count a hit");
	CHECK(ratio_count(&r, false) == RATIO_OK && r.num == 4 && r.den == 7, "count a miss");
	CHECK(ratio_uncount(&r, true) == RATIO_OK && r.num == 3 && r.den == 6, "uncount a hit");
	r = (Ratio) {INT64_MAX, 5};
	CHECK(ratio_count(&r, true) == RATIO_OVERFLOW && r.num == INT64_MAX && r.den == 5,
		  "numerator overflow in ratio_of");
	CHECK(ratio_count(&r, false) == RATIO_OK && r.den == 6, "a miss does not touch the numerator");
	r = (Ratio) {0, INT64_MAX};
	CHECK(ratio_count(&r, false) == RATIO_OVERFLOW, "denominator overflow in ratio_of");
	r = (Ratio) {0, 3};
	CHECK(ratio_uncount(&r, true) == RATIO_NEGATIVE && r.den == 3, "uncount a hit never counted");
	r = (Ratio) {0, 0};
	CHECK(ratio_uncount(&r, false) == RATIO_NEGATIVE, "uncount from nothing");

	/* The hash key: numerator then denominator, little-endian. */
	{
		unsigned char key[16];
		static const unsigned char want[16] = {
			0x5f, 0x04, 0, 0, 0, 0, 0, 0, 0x5e, 0x05, 0, 0, 0, 0, 0, 0
		};

		ratio_hash_key((Ratio) {1119, 1374}, key);
		CHECK(memcmp(key, want, 16) == 0, "hash key of 1119/1374");
	}
}

/* Compare a/b with c/d (b, d > 0) by continued fractions: no products. */
static int
reference_cmp_values(uint64_t a, uint64_t b, uint64_t c, uint64_t d)
{
	int			sign = 1;

	for (;;)
	{
		uint64_t	qa = a / b;
		uint64_t	qc = c / d;
		uint64_t	ra = a % b;
		uint64_t	rc = c % d;

		if (qa != qc)
			return qa < qc ? -sign : sign;
		if (ra == 0 || rc == 0)
		{
			if (ra == 0 && rc == 0)
				return 0;
			return ra == 0 ? -sign : sign;
		}
		/* a/b vs c/d with equal integer parts: compare b/ra vs d/rc, flipped */
		a = b;
		b = ra;
		c = d;
		d = rc;
		sign = -sign;
	}
}

/* Round num * 10^k / den (num >= 0) to digits places by long division. */
static void
reference_round(uint64_t num, int k, uint64_t den, int digits, char *buf)
{
	char		dividend[64];
	char		quotient[96];
	int			len;
	int			qlen = 0;
	unsigned __int128 rem = 0;
	int			carry;

	len = snprintf(dividend, sizeof(dividend), "%llu", (unsigned long long) num);
	for (int i = 0; i < k + digits; i++)
		dividend[len++] = '0';
	dividend[len] = '\0';
	for (int i = 0; i < len; i++)
	{
		rem = rem * 10 + (unsigned) (dividend[i] - '0');
		quotient[qlen++] = (char) ('0' + (int) (rem / den));
		rem %= den;
	}
	/* round half up on the digit string */
	carry = 2 * rem >= den;
	for (int i = qlen - 1; i >= 0 && carry; i--)
	{
		if (quotient[i] == '9')
			quotient[i] = '0';
		else
		{
			quotient[i]++;
			carry = 0;
		}
	}
	{
		char		digits_only[100];
		int			start = 0;
		int			n = 0;

		if (carry)
			digits_only[n++] = '1';
		for (int i = 0; i < qlen; i++)
			digits_only[n++] = quotient[i];
		/* strip leading zeros but keep one before the point */
		while (start < n - digits - 1 && digits_only[start] == '0')
			start++;
		n -= start;
		memmove(digits_only, digits_only + start, (size_t) n);
		if (digits == 0)
		{
			memcpy(buf, digits_only, (size_t) n);
			buf[n] = '\0';
		}
		else
		{
			memcpy(buf, digits_only, (size_t) (n - digits));
			buf[n - digits] = '.';
			memcpy(buf + n - digits + 1, digits_only + n - digits, (size_t) digits);
			buf[n + 1] = '\0';
		}
	}
}

static void
test_random(long cases)
{
	for (long i = 0; i < cases; i++)
	{
		Ratio		a = {random_count(), random_count()};
		Ratio		b = {random_count(), random_count()};
		char		got[64];
		char		want[100];
		char		text[48];
		Ratio		back;
		int			digits = (int) (rng() % 4);
		int			k = rng() % 2 ? 2 : 4;	/* percent or per 10,000 */

		/* Text round trip. */
		ratio_format(a, text);
		CHECK(ratio_parse(text, &back) == RATIO_OK && back.num == a.num
			  && back.den == a.den, "round trip %s", text);

		/* Comparison against continued fractions. */
		if (a.den > 0 && b.den > 0)
		{
			int			want_cmp = reference_cmp_values((uint64_t) a.num, (uint64_t) a.den,
														(uint64_t) b.num, (uint64_t) b.den);
			int			got_cmp = ratio_cmp(a, b);

			if (want_cmp == 0)
				want_cmp = (a.den > b.den) - (a.den < b.den);
			CHECK((got_cmp > 0) == (want_cmp > 0) && (got_cmp < 0) == (want_cmp < 0),
				  "cmp %lld/%lld vs %lld/%lld", (long long) a.num, (long long) a.den,
				  (long long) b.num, (long long) b.den);
		}
		/* Antisymmetry, whatever the denominators. */
		CHECK((ratio_cmp(a, b) > 0) == (ratio_cmp(b, a) < 0), "antisymmetric");

		/* Rounding against long division. */
		if (a.den > 0)
		{
			ratio_round_decimal(a.num, k == 2 ? 100 : 10000, a.den, digits, got);
			reference_round((uint64_t) a.num, k, (uint64_t) a.den, digits, want);
			CHECK(strcmp(got, want) == 0, "round %lld * 10^%d / %lld at %d: %s, expected %s",
				  (long long) a.num, k, (long long) a.den, digits, got, want);
		}
	}
}

int
main(int argc, char **argv)
{
	long		cases = argc > 1 ? atol(argv[1]) : 1000000;

	rng_state = 0x9E3779B97F4A7C15ULL;
	test_parse_and_format();
	test_rounding_known();
	test_compare_and_pool_known();
	test_random(cases);

	return report_results("ratio core", cases);
}
