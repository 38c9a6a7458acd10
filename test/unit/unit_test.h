/*
 * unit_test.h
 *	  What the C unit tests share: a CHECK macro that counts checks and
 *	  failures (printing the first 20 failures), a deterministic xorshift64*
 *	  generator, and the closing "N passed, N failed" line.
 */
#ifndef CSPI_UNIT_TEST_H
#define CSPI_UNIT_TEST_H

#include <stdint.h>
#include <stdio.h>

static long checks = 0;
static long failures = 0;

#define CHECK(cond, ...) \
	do { \
		checks++; \
		if (!(cond)) \
		{ \
			failures++; \
			if (failures <= 20) \
			{ \
				fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__); \
				fprintf(stderr, __VA_ARGS__); \
				fputc('\n', stderr); \
			} \
		} \
	} while (0)

/* xorshift64*: deterministic, seedable; each test seeds it differently. */
static uint64_t rng_state;

static inline uint64_t
rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 2685821657736338717ULL;
}

/* Print the summary line; the exit status of main. */
static inline int
report_results(const char *what, long cases)
{
	printf("%s: %ld random cases, %ld checks\n", what, cases, checks);
	printf("%ld passed, %ld failed\n", checks - failures, failures);
	return failures == 0 ? 0 : 1;
}

#endif							/* CSPI_UNIT_TEST_H */
