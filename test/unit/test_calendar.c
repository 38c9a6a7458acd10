/*
 * test_calendar.c
 *	  Unit tests of the calendar core (src/calendar.c, src/workdays.c).
 *
 * The oracle is a brute-force, day-by-day walk over a boolean "is a working
 * day" array built from the weekmask and the holiday list, checked against
 * the core's closed-form answers for random calendars (every weekmask, dense
 * and sparse holidays, holidays on weekends, duplicates) and random date
 * pairs.  A handful of hand-worked UK examples come first, and Excel's
 * weekend argument is checked against Microsoft's table of codes, every
 * string, and Microsoft's documented examples of the .INTL functions.
 *
 * Usage: test_calendar [pairs]   (default 1,000,000 random pairs)
 */
#include "calendar.h"

#include "unit_test.h"

#include <stdlib.h>
#include <string.h>


/* Day number (days since 2000-01-01) of a proleptic Gregorian date. */
static int32_t
ymd(int y, int m, int d)
{
	/* days_from_civil, after Howard Hinnant's algorithm */
	int			yy = y - (m <= 2);
	int			era = (yy >= 0 ? yy : yy - 399) / 400;
	int			yoe = yy - era * 400;
	int			doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int			doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468 - 10957;
}

static int64_t
rng_range(int64_t lo, int64_t hi)
{
	return lo + (int64_t) (rng() % (uint64_t) (hi - lo + 1));
}

static void
test_weekmask_parsing(void)
{
	uint8_t		m = 0;

	CHECK(cal_parse_weekmask("1111100", 7, &m) == CAL_OK && m == 0x1f,
		  "Monday to Friday");
	CHECK(cal_parse_weekmask("1111111", 7, &m) == CAL_OK && m == 0x7f,
		  "seven days");
	CHECK(cal_parse_weekmask("0000001", 7, &m) == CAL_OK && m == 0x40,
		  "Sunday only");
	CHECK(cal_parse_weekmask("0000000", 7, &m) == CAL_NO_WORKING_DAY,
		  "no working day");
	CHECK(cal_parse_weekmask("111110", 6, &m) == CAL_BAD_WEEKMASK,
		  "too short");
	CHECK(cal_parse_weekmask("11111000", 8, &m) == CAL_BAD_WEEKMASK,
		  "too long");
	CHECK(cal_parse_weekmask("1111102", 7, &m) == CAL_BAD_WEEKMASK,
		  "bad character");
	CHECK(cal_weekday(0) == 5, "2000-01-01 was a Saturday");
	CHECK(cal_weekday(ymd(2024, 3, 28)) == 3, "2024-03-28 was a Thursday");
	CHECK(cal_weekday(-1) == 4, "1999-12-31 was a Friday");
}

/*
 * Excel's weekend argument.  The codes are checked against Microsoft's
 * table, written out as day names (NETWORKDAYS.INTL and WORKDAY.INTL
 * help pages), not against a formula.
 */
static const char *const day_names[7] = {
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
	"Sunday"
};

static const struct
{
	int			code;
	const char *off[2];
}			excel_codes[] = {
	{1, {"Saturday", "Sunday"}},
	{2, {"Sunday", "Monday"}},
	{3, {"Monday", "Tuesday"}},
	{4, {"Tuesday", "Wednesday"}},
	{5, {"Wednesday", "Thursday"}},
	{6, {"Thursday", "Friday"}},
	{7, {"Friday", "Saturday"}},
	{11, {"Sunday", NULL}},
	{12, {"Monday", NULL}},
	{13, {"Tuesday", NULL}},
	{14, {"Wednesday", NULL}},
	{15, {"Thursday", NULL}},
	{16, {"Friday", NULL}},
	{17, {"Saturday", NULL}},
};

#define NCODES ((int) (sizeof(excel_codes) / sizeof(excel_codes[0])))

static void
test_excel_weekend(void)
{
	uint8_t		m;
	char		s[8];
	const char *bad[] = {
		"", "1", "000001", "00000110", "000001a", "0000 11", "O000011",
		"0000011 ", " 0000011", "2000011", "-000011", "1111112"
	};

	/* Every code of Microsoft's table, with its days off. */
	for (int i = 0; i < NCODES; i++)
	{
		uint8_t		expect = 0x7f;

		for (int k = 0; k < 2 && excel_codes[i].off[k] != NULL; k++)
			for (int w = 0; w < 7; w++)
				if (strcmp(day_names[w], excel_codes[i].off[k]) == 0)
					expect &= (uint8_t) ~(1 << w);
		m = 0xff;
		CHECK(cal_excel_weekend_code(excel_codes[i].code, &m) == CAL_OK &&
			  m == expect, "weekend code %d: mask %02x, expected %02x",
			  excel_codes[i].code, m, expect);
	}
	/* ... and no other code. */
	for (int64_t code = -1000; code <= 1000; code++)
	{
		bool		listed = false;

		for (int i = 0; i < NCODES; i++)
			listed = listed || excel_codes[i].code == code;
		if (!listed)
			CHECK(cal_excel_weekend_code(code, &m) == CAL_BAD_WEEKEND,
				  "weekend code %lld is not Excel's", (long long) code);
	}
	CHECK(cal_excel_weekend_code(INT64_MIN, &m) == CAL_BAD_WEEKEND &&
		  cal_excel_weekend_code(INT64_MAX, &m) == CAL_BAD_WEEKEND &&
		  cal_excel_weekend_code((int64_t) 1 << 32 | 1, &m) == CAL_BAD_WEEKEND,
		  "huge weekend codes");

	/* Microsoft's own string example: 0000011 is Saturday and Sunday off. */
	CHECK(cal_excel_weekend_to_mask("0000011", 7, &m) == CAL_OK && m == 0x1f,
		  "0000011 is Monday to Friday");
	CHECK(cal_excel_weekend_to_mask("0010001", 7, &m) == CAL_OK &&
		  m == (0x7f & ~(1 << 2) & ~(1 << 6)), "0010001: Wednesday and Sunday off");
	CHECK(cal_excel_weekend_to_mask("0000000", 7, &m) == CAL_OK && m == 0x7f,
		  "0000000: every day worked");
	m = 0xff;
	CHECK(cal_excel_weekend_to_mask("1111111", 7, &m) == CAL_NO_WORKING_DAY &&
		  m == 0, "1111111: no working day, mask 0");

	/*
	 * Every string: character i is '1' exactly when weekday i is off, the
	 * opposite of the weekmask; the same string as a weekmask is the
	 * complement.
	 */
	for (int bits = 0; bits < 128; bits++)
	{
		uint8_t		wm = 0;
		CalStatus	st;

		for (int i = 0; i < 7; i++)
			s[i] = (bits >> i) & 1 ? '1' : '0';
		s[7] = '\0';
		m = 0xff;
		st = cal_excel_weekend_to_mask(s, 7, &m);
		CHECK(st == (bits == 0x7f ? CAL_NO_WORKING_DAY : CAL_OK) &&
			  m == (uint8_t) (~bits & 0x7f), "weekend string %s: mask %02x", s, m);
		if (bits != 0 && cal_parse_weekmask(s, 7, &wm) == CAL_OK)
			CHECK((wm ^ m) == 0x7f, "weekend %s is the complement of weekmask %s",
				  s, s);
	}
	/* The string for each code is the code's weekend. */
	for (int i = 0; i < NCODES; i++)
	{
		uint8_t		from_code = 0;

		cal_excel_weekend_code(excel_codes[i].code, &from_code);
		for (int w = 0; w < 7; w++)
			s[w] = (from_code >> w) & 1 ? '0' : '1';
		CHECK(cal_excel_weekend_to_mask(s, 7, &m) == CAL_OK && m == from_code,
			  "code %d as the string %s", excel_codes[i].code, s);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		CHECK(cal_excel_weekend_to_mask(bad[i], (int) strlen(bad[i]), &m)
			  == CAL_BAD_WEEKEND, "bad weekend string \"%s\"", bad[i]);
}

/*
 * Microsoft's documented examples of NETWORKDAYS.INTL and WORKDAY.INTL,
 * worked through the core with the weekend read from Excel's argument.
 */
static void
test_excel_examples(void)
{
	int32_t		none[1];
	int32_t		hol[2];
	Calendar	cal;
	uint8_t		m = 0;
	int32_t		r = 0;

	/* NETWORKDAYS.INTL(DATE(2006,1,1),DATE(2006,1,31)) = 22 */
	cal_excel_weekend_code(1, &m);
	cal_compile(&cal, m, CAL_DAY_NOBEGIN, CAL_DAY_NOEND, none, 0);
	CHECK(cal_networkdays(&cal, ymd(2006, 1, 1), ymd(2006, 1, 31), &r)
		  == CAL_OK && r == 22, "January 2006: %d, expected 22", r);
	/* NETWORKDAYS.INTL(DATE(2006,2,28),DATE(2006,1,31)) = -21 */
	CHECK(cal_networkdays(&cal, ymd(2006, 2, 28), ymd(2006, 1, 31), &r)
		  == CAL_OK && r == -21, "February 2006 backwards: %d, expected -21", r);

	/* ... DATE(2006,2,1),7,{"2006/1/2","2006/1/16"}) = 22 */
	hol[0] = ymd(2006, 1, 2);
	hol[1] = ymd(2006, 1, 16);
	cal_excel_weekend_code(7, &m);
	cal_compile(&cal, m, CAL_DAY_NOBEGIN, CAL_DAY_NOEND, hol, 2);
	CHECK(cal_networkdays(&cal, ymd(2006, 1, 1), ymd(2006, 2, 1), &r)
		  == CAL_OK && r == 22, "Friday and Saturday off: %d, expected 22", r);

	/* ... DATE(2006,2,1),"0010001",{"2006/1/2","2006/1/16"}) = 20 */
	hol[0] = ymd(2006, 1, 2);
	hol[1] = ymd(2006, 1, 16);
	cal_excel_weekend_to_mask("0010001", 7, &m);
	cal_compile(&cal, m, CAL_DAY_NOBEGIN, CAL_DAY_NOEND, hol, 2);
	CHECK(cal_networkdays(&cal, ymd(2006, 1, 1), ymd(2006, 2, 1), &r)
		  == CAL_OK && r == 20, "0010001: %d, expected 20", r);

	/* WORKDAY.INTL(DATE(2012,1,1),90,11) = 41013, 14 April 2012 */
	cal_excel_weekend_code(11, &m);
	cal_compile(&cal, m, CAL_DAY_NOBEGIN, CAL_DAY_NOEND, none, 0);
	CHECK(cal_add_working_days(&cal, ymd(2012, 1, 1), 90, &r) == CAL_OK &&
		  r == ymd(2012, 4, 14), "90 days, Sundays off: %d", r);
	/* WORKDAY.INTL(DATE(2012,1,1),30,17) = 40944, 5 February 2012 */
	cal_excel_weekend_code(17, &m);
	cal_compile(&cal, m, CAL_DAY_NOBEGIN, CAL_DAY_NOEND, none, 0);
	CHECK(cal_add_working_days(&cal, ymd(2012, 1, 1), 30, &r) == CAL_OK &&
		  r == ymd(2012, 2, 5), "30 days, Saturdays off: %d", r);
	/* WORKDAY.INTL(DATE(2012,1,1),30,0) is #NUM!: 0 is no code */
	CHECK(cal_excel_weekend_code(0, &m) == CAL_BAD_WEEKEND, "code 0");
}

/* Hand-worked examples against part of the England and Wales calendar. */
static void
test_known_answers(void)
{
	int32_t		hol[] = {
		ymd(2024, 1, 1), ymd(2024, 3, 29), ymd(2024, 4, 1), ymd(2024, 5, 6),
		ymd(2024, 5, 27), ymd(2024, 8, 26), ymd(2024, 12, 25),
		ymd(2024, 12, 26), ymd(2022, 6, 2), ymd(2022, 6, 3),
		ymd(2022, 5, 2), ymd(2022, 8, 29), ymd(2022, 9, 19)
	};
	Calendar	cal;
	int32_t		r = 0;
	bool		b;

	static int32_t index_buffer[3 * 366];

	CHECK(cal_compile(&cal, 0x1f, ymd(2022, 1, 1), ymd(2024, 12, 31), hol,
					  (int) (sizeof(hol) / sizeof(hol[0]))) == CAL_OK,
		  "compile");
	CHECK(cal_index_entries(&cal) == (size_t) (ymd(2024, 12, 26) - ymd(2022, 5, 2) + 1),
		  "index spans the holidays on working weekdays");
	cal_build_index(&cal, index_buffer);
	/* Easter 2024: Thursday 28 March to Tuesday 2 April is 1 working day. */
	cal_working_days(&cal, ymd(2024, 3, 28), ymd(2024, 4, 2), &r);
	CHECK(r == 1, "Easter 2024: got %d", r);
	cal_working_days(&cal, ymd(2024, 4, 2), ymd(2024, 3, 28), &r);
	CHECK(r == -1, "Easter 2024 reversed: got %d", r);
	cal_working_days(&cal, ymd(2024, 3, 28), ymd(2024, 3, 28), &r);
	CHECK(r == 0, "same day: got %d", r);
	/* Received Saturday, completed Monday: 1 working day. */
	cal_working_days(&cal, ymd(2024, 3, 9), ymd(2024, 3, 11), &r);
	CHECK(r == 1, "Saturday to Monday: got %d", r);
	/* Jubilee week 2022: Wednesday 1 June to Monday 6 June is 1 day. */
	cal_working_days(&cal, ymd(2022, 6, 1), ymd(2022, 6, 6), &r);
	CHECK(r == 1, "jubilee week: got %d", r);
	cal_add_working_days(&cal, ymd(2022, 6, 1), 1, &r);
	CHECK(r == ymd(2022, 6, 6), "jubilee week: next working day");
	cal_add_working_days(&cal, ymd(2022, 6, 6), -1, &r);
	CHECK(r == ymd(2022, 6, 1), "jubilee week: previous working day");
	cal_add_working_days(&cal, ymd(2024, 3, 28), 0, &r);
	CHECK(r == ymd(2024, 3, 28), "adding 0");
	cal_is_working_day(&cal, ymd(2024, 4, 1), &b);
	CHECK(!b, "Easter Monday 2024 is not a working day");
	/* NETWORKDAYS counts both ends: Thu 28 Mar to Tue 2 Apr 2024 is 2. */
	cal_networkdays(&cal, ymd(2024, 3, 28), ymd(2024, 4, 2), &r);
	CHECK(r == 2, "networkdays Easter: got %d", r);
	cal_networkdays(&cal, ymd(2024, 4, 2), ymd(2024, 3, 28), &r);
	CHECK(r == -2, "networkdays reversed: got %d", r);
	cal_networkdays(&cal, ymd(2024, 3, 30), ymd(2024, 3, 30), &r);
	CHECK(r == 0, "networkdays on a Saturday: got %d", r);
	/* 45 working days (nine weeks) from Monday 3 June 2024 is 5 August. */
	cal_add_working_days(&cal, ymd(2024, 6, 3), 45, &r);
	CHECK(r == ymd(2024, 8, 5), "45 working days: got %d", r);

	/* Range errors. */
	CHECK(cal_working_days(&cal, ymd(2021, 12, 31), ymd(2022, 1, 4), &r)
		  == CAL_OUT_OF_RANGE, "before the range");
	CHECK(cal_add_working_days(&cal, ymd(2024, 12, 30), 5, &r)
		  == CAL_RESULT_OUT_OF_RANGE, "result after the range");
	CHECK(cal_add_working_days(&cal, ymd(2022, 1, 4), -5, &r)
		  == CAL_RESULT_OUT_OF_RANGE, "result before the range");
	CHECK(cal_compile(&cal, 0x1f, 10, 9, hol, 0) == CAL_BAD_RANGE,
		  "first after last");
	CHECK(cal_compile(&cal, 0, 0, 9, hol, 0) == CAL_NO_WORKING_DAY,
		  "empty mask");

	/* An unbounded calendar reaches the ends of PostgreSQL's dates. */
	CHECK(cal_compile(&cal, 0x7f, CAL_DAY_NOBEGIN, CAL_DAY_NOEND, hol, 0)
		  == CAL_OK, "unbounded");
	CHECK(cal_working_days(&cal, CAL_MIN_DAY, CAL_MAX_DAY, &r) == CAL_OK
		  && r == CAL_MAX_DAY - CAL_MIN_DAY, "whole date range");
	CHECK(cal_add_working_days(&cal, CAL_MAX_DAY, 1, &r)
		  == CAL_RESULT_OUT_OF_RANGE, "past the last valid date");
	CHECK(cal_add_working_days(&cal, CAL_MIN_DAY, INT32_MIN, &r)
		  == CAL_RESULT_OUT_OF_RANGE, "before the first valid date");
	CHECK(cal_compile(&cal, 0x01, CAL_DAY_NOBEGIN, CAL_DAY_NOEND, hol, 0)
		  == CAL_OK, "Mondays only");
	CHECK(cal_add_working_days(&cal, 0, INT32_MAX, &r)
		  == CAL_RESULT_OUT_OF_RANGE, "huge n, one day a week");
}

#define WINDOW 4000				/* days covered by a random calendar */

/*
 * Random calendars over [base, base + WINDOW): the oracle knows every day of
 * the window, the core is given a known range strictly inside it.
 */
static void
test_random(long pairs)
{
	static int32_t holidays[2 * WINDOW];
	static int32_t copy[2 * WINDOW];
	static bool working[WINDOW];
	static int32_t prefix[WINDOW + 1];	/* working days in [base, base+i) */
	static int32_t index_buffer[WINDOW];
	long		done = 0;

	while (done < pairs)
	{
		Calendar	cal;
		int32_t		base = (int32_t) rng_range(-400000, 400000);
		uint8_t		mask = (uint8_t) rng_range(1, 127);
		int			density = (int) rng_range(0, 4);
		int			nhol;
		int32_t		first;
		int32_t		last;

		/* Holiday density from none to a third of all days. */
		nhol = density == 0 ? 0 : (int) rng_range(0, WINDOW / (12 / density));
		for (int i = 0; i < nhol; i++)
			holidays[i] = base + (int32_t) rng_range(0, WINDOW - 1);
		/* Sometimes duplicates. */
		if (nhol > 2 && rng() % 2)
			holidays[nhol - 1] = holidays[0];

		memset(working, 0, sizeof(working));
		for (int i = 0; i < WINDOW; i++)
			working[i] = (mask >> cal_weekday(base + i)) & 1;
		for (int i = 0; i < nhol; i++)
			working[holidays[i] - base] = false;
		prefix[0] = 0;
		for (int i = 0; i < WINDOW; i++)
			prefix[i + 1] = prefix[i] + working[i];

		memcpy(copy, holidays, sizeof(int32_t) * (size_t) nhol);
		first = base + 500;
		last = base + WINDOW - 501;
		CHECK(cal_compile(&cal, mask, first, last, copy, nhol) == CAL_OK,
			  "compile random calendar");
		/* Half the calendars answer through the O(1) index. */
		if (rng() % 2)
		{
			CHECK(cal_index_entries(&cal) <= WINDOW, "index size");
			cal_build_index(&cal, index_buffer);
		}

		for (int k = 0; k < 5000 && done < pairs; k++, done++)
		{
			int32_t		a = (int32_t) rng_range(first - 5, last + 5);
			int32_t		b = (int32_t) rng_range(first - 5, last + 5);
			int32_t		n = (int32_t) rng_range(-300, 300);
			int32_t		r = 0;
			bool		w = false;
			bool		in = a >= first && a <= last;
			bool		both = in && b >= first && b <= last;
			CalStatus	st;

			/* working_days: days d with a < d <= b */
			st = cal_working_days(&cal, a, b, &r);
			if (!both)
				CHECK(st == CAL_OUT_OF_RANGE, "range of %d..%d", a, b);
			else
			{
				int32_t		expect;

				if (a <= b)
					expect = prefix[b - base + 1] - prefix[a - base + 1];
				else
					expect = -(prefix[a - base + 1] - prefix[b - base + 1]);
				CHECK(st == CAL_OK && r == expect,
					  "working_days(%d, %d) mask %02x = %d, expected %d",
					  a, b, mask, r, expect);

				/* NETWORKDAYS counts both ends */
				st = cal_networkdays(&cal, a, b, &r);
				{
					int32_t		lo = a < b ? a : b;
					int32_t		hi = a < b ? b : a;
					int32_t		nd = prefix[hi - base + 1] - prefix[lo - base];

					CHECK(st == CAL_OK && r == (a <= b ? nd : -nd),
						  "networkdays(%d, %d) = %d, expected %d",
						  a, b, r, a <= b ? nd : -nd);
				}
			}

			/* is_working_day */
			st = cal_is_working_day(&cal, a, &w);
			CHECK(in ? (st == CAL_OK && w == working[a - base])
				  : st == CAL_OUT_OF_RANGE, "is_working_day(%d)", a);

			/* add_working_days: walk day by day */
			st = cal_add_working_days(&cal, a, n, &r);
			if (!in)
				CHECK(st == CAL_OUT_OF_RANGE, "add from out of range");
			else
			{
				int64_t		d = a;
				int			left = n < 0 ? -n : n;
				int			step = n < 0 ? -1 : 1;

				while (left > 0 && d >= first && d <= last)
				{
					d += step;
					if (d >= first && d <= last && working[d - base])
						left--;
				}
				if (d < first || d > last)
					CHECK(st == CAL_RESULT_OUT_OF_RANGE,
						  "add_working_days(%d, %d) should leave the range",
						  a, n);
				else
				{
					CHECK(st == CAL_OK && r == d,
						  "add_working_days(%d, %d) mask %02x = %d, expected %d",
						  a, n, mask, r, (int32_t) d);
					if (st == CAL_OK && n >= 0)
					{
						int32_t		back = 0;

						cal_working_days(&cal, a, r, &back);
						CHECK(back == n, "round trip %d + %d", a, n);
					}
				}
			}
		}
	}
}

/*
 * The index is bounded by density: a sparse list over a long span is
 * binary-searched, never indexed day by day (two holidays 10,000 years apart
 * would otherwise need 14 MB per call).
 */
static void
test_index_density(void)
{
	int32_t		sparse[] = {ymd(1, 1, 1), ymd(9999, 12, 31)};
	int32_t		monthly[12 * 400];
	Calendar	cal;
	int32_t		r = 0;
	int			n = 0;

	CHECK(cal_compile(&cal, 0x7f, CAL_DAY_NOBEGIN, CAL_DAY_NOEND, sparse, 2)
		  == CAL_OK, "compile sparse");
	CHECK(cal_index_entries(&cal) == 0, "sparse holidays: no index (%zu)",
		  cal_index_entries(&cal));
	CHECK(cal_working_days(&cal, ymd(1, 1, 1) - 1, ymd(9999, 12, 31), &r)
		  == CAL_OK && r == ymd(9999, 12, 31) - ymd(1, 1, 1) + 1 - 2,
		  "sparse holidays: count over the whole range (%d)", r);

	/* The first of every month for 400 years: dense enough to index. */
	for (int y = 1800; y < 2200; y++)
		for (int m = 1; m <= 12; m++)
			monthly[n++] = ymd(y, m, 1);
	CHECK(cal_compile(&cal, 0x7f, CAL_DAY_NOBEGIN, CAL_DAY_NOEND, monthly, n)
		  == CAL_OK, "compile monthly");
	CHECK(cal_index_entries(&cal) ==
		  (size_t) (ymd(2199, 12, 1) - ymd(1800, 1, 1) + 1),
		  "monthly holidays over 400 years: indexed (%zu)",
		  cal_index_entries(&cal));
}

int
main(int argc, char **argv)
{
	long		pairs = argc > 1 ? atol(argv[1]) : 1000000;

	rng_state = 88172645463325252ULL;
	test_weekmask_parsing();
	test_excel_weekend();
	test_excel_examples();
	test_known_answers();
	test_index_density();
	test_random(pairs);

	return report_results("calendar core (random date pairs)", pairs);
}
