/*
 * fuzz_calendar.c
 *	  libFuzzer target over calendar compilation and working-day arithmetic.
 *
 * The input is read as a calendar (weekmask byte, known range, holidays as
 * 16-bit offsets) followed by queries (two 16-bit day offsets and a signed
 * 16-bit n).  Every answer of the core is checked against a day-by-day walk
 * over the same window, so the fuzzer finds wrong answers as well as the
 * crashes, overflows and out-of-bounds reads that ASan and UBSan report.
 *
 * Build and run: make fuzz FUZZ_SECONDS=60
 */
#include "calendar.h"

#include <stdlib.h>
#include <string.h>

#define WINDOW 3000

typedef struct Reader
{
	const uint8_t *p;
	size_t		left;
} Reader;

static int
take(Reader *r, int bytes)
{
	int			v = 0;

	for (int i = 0; i < bytes; i++)
	{
		v = (v << 8) | (r->left ? *r->p : 0);
		if (r->left)
		{
			r->p++;
			r->left--;
		}
	}
	return v;
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int32_t days[512];
	static bool working[WINDOW];
	Reader		r = {data, size};
	Calendar	cal;
	int32_t		base;
	uint8_t		mask;
	int32_t		first;
	int32_t		last;
	int			nhol;

	if (size < 8)
		return 0;
	/* Anywhere among valid dates, 4700 BC to AD 4.6 million. */
	base = (int32_t) take(&r, 3) * 100 - 2400000;
	mask = (uint8_t) take(&r, 1);
	first = base + take(&r, 2) % WINDOW;
	last = base + take(&r, 2) % WINDOW;
	nhol = take(&r, 1) % 512;
	for (int i = 0; i < nhol; i++)
		days[i] = base + take(&r, 2) % WINDOW;

	/* The oracle's view of the window. */
	for (int i = 0; i < WINDOW; i++)
		working[i] = (mask >> cal_weekday(base + i)) & 1;
	for (int i = 0; i < nhol; i++)
		working[days[i] - base] = false;

	if (cal_compile(&cal, mask, first, last, days, nhol) != CAL_OK)
	{
		if ((mask & 0x7f) != 0 && first <= last)
			abort();
		return 0;
	}

	/* Odd-length inputs use the O(1) index, even ones the binary search. */
	if (size % 2)
	{
		static int32_t index_buffer[WINDOW];

		if (cal_index_entries(&cal) > WINDOW)
			abort();
		cal_build_index(&cal, index_buffer);
	}

	while (r.left >= 6)
	{
		int32_t		a = base + take(&r, 2) % WINDOW;
		int32_t		b = base + take(&r, 2) % WINDOW;
		int32_t		n = (int16_t) take(&r, 2) % 400;
		int32_t		got = 0;
		bool		in_a = a >= first && a <= last;
		bool		in_b = b >= first && b <= last;
		CalStatus	st;

		st = cal_working_days(&cal, a, b, &got);
		if (!(in_a && in_b))
		{
			if (st != CAL_OUT_OF_RANGE)
				abort();
		}
		else
		{
			int32_t		lo = a < b ? a : b;
			int32_t		hi = a < b ? b : a;
			int32_t		count = 0;

			for (int32_t d = lo + 1; d <= hi; d++)
				count += working[d - base];
			if (st != CAL_OK || got != (a <= b ? count : -count))
				abort();
			count += working[lo - base];
			if (cal_networkdays(&cal, a, b, &got) != CAL_OK ||
				got != (a <= b ? count : -count))
				abort();
		}

		st = cal_add_working_days(&cal, a, n, &got);
		if (!in_a)
		{
			if (st != CAL_OUT_OF_RANGE)
				abort();
			continue;
		}
		{
			int64_t		d = a;
			int			left = n < 0 ? -n : n;

			while (left > 0 && d >= first && d <= last)
			{
				d += n < 0 ? -1 : 1;
				if (d >= first && d <= last && working[d - base])
					left--;
			}
			if (d < first || d > last)
			{
				if (st != CAL_RESULT_OUT_OF_RANGE)
					abort();
			}
			else if (st != CAL_OK || got != d)
				abort();
		}
	}
	return 0;
}
