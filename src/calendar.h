/*-------------------------------------------------------------------------
 *
 * calendar.h
 *	  Working-day calendars: compilation and working-day arithmetic.
 *
 * This is the pure computational core of cspi's calendars.  It has no
 * PostgreSQL includes, so that it can be unit-tested against a brute-force
 * oracle and fuzzed on its own; src/calendar_cache.c and src/workdays_sql.c
 * are the thin PostgreSQL layer on top of it.
 *
 * Days are counted as PostgreSQL's DateADT counts them: days since
 * 2000-01-01 (a Saturday), as a signed 32-bit integer.  Weekdays are numbered
 * Monday = 0 ... Sunday = 6, and a weekmask is numpy's Monday-first string of
 * seven '0'/'1' characters, '1' meaning a working day.  Excel's weekend
 * argument (NETWORKDAYS.INTL, WORKDAY.INTL) is read into the same bit set.
 *
 *-------------------------------------------------------------------------
 */
#ifndef CSPI_CALENDAR_H
#define CSPI_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The range of valid PostgreSQL dates, as day numbers (IS_VALID_DATE). */
#define CAL_MIN_DAY		(-2451545)
#define CAL_MAX_DAY		2145031948

/* Day numbers PostgreSQL uses for -infinity and infinity. */
#define CAL_DAY_NOBEGIN INT32_MIN
#define CAL_DAY_NOEND	INT32_MAX

typedef enum CalStatus
{
	CAL_OK = 0,
	CAL_BAD_WEEKMASK,			/* not seven '0'/'1' characters */
	CAL_NO_WORKING_DAY,			/* weekmask has no '1' */
	CAL_BAD_RANGE,				/* first day after last day */
	CAL_OUT_OF_RANGE,			/* an argument is outside the known range */
	CAL_RESULT_OUT_OF_RANGE,	/* the result would be outside the range */
	CAL_BAD_WEEKEND				/* not an Excel weekend code or string */
} CalStatus;

/*
 * A compiled calendar.  Answers every question in O(1) plus one or two
 * binary searches over the holidays that fall on working weekdays.
 */
typedef struct Calendar
{
	uint8_t		mask;			/* bit w set: weekday w is a working weekday */
	int			per_week;		/* number of working weekdays in a week */
	int32_t		first_day;		/* holidays are known from this day ... */
	int32_t		last_day;		/* ... to this day, inclusive */
	int			nholidays;		/* length of holidays[] */
	const int32_t *holidays;	/* sorted, unique, working weekdays only */

	/*
	 * Optional O(1) index (cal_build_index): index[d - index_first] is the
	 * number of holidays on or before day d, for d from the first holiday to
	 * the last.  NULL: binary search instead.
	 */
	const int32_t *index;
	int32_t		index_first;
	int32_t		index_last;

	/* count_after[w][r]: working weekdays among the r days after weekday w */
	int8_t		count_after[7][8];
	/* nth_after[w][k]: days from weekday w to the k-th working weekday after */
	int8_t		nth_after[7][8];
	/* nth_before[w][k]: days from weekday w back to the k-th one before it */
	int8_t		nth_before[7][8];
} Calendar;

/* Weekday of a day number, Monday = 0 ... Sunday = 6. */
static inline int
cal_weekday(int64_t day)
{
	/* Day 0 (2000-01-01) was a Saturday, weekday 5. */
	int64_t		w = (day + 5) % 7;

	return (int) (w < 0 ? w + 7 : w);
}

/* Parse a weekmask such as "1111100" into a bit set (bit 0 = Monday). */
extern CalStatus cal_parse_weekmask(const char *text, int len, uint8_t *mask);

/*
 * Excel's weekend argument as a weekmask bit set (bit 0 = Monday, set = a
 * working weekday).  A code names the days off: 1 Saturday and Sunday,
 * 2 Sunday and Monday, ... 7 Friday and Saturday; 11 Sunday only, 12 Monday
 * only, ... 17 Saturday only.  A string is seven '0'/'1', Monday first, '1'
 * meaning a day OFF: the opposite of a weekmask.  Anything else is
 * CAL_BAD_WEEKEND.  "1111111" sets *mask to 0 and returns
 * CAL_NO_WORKING_DAY: NETWORKDAYS.INTL counts 0 working days with it,
 * WORKDAY.INTL refuses it, so the caller decides.
 */
extern CalStatus cal_excel_weekend_code(int64_t code, uint8_t *mask);
extern CalStatus cal_excel_weekend_to_mask(const char *text, int len,
										   uint8_t *mask);

/*
 * Compile a calendar.  days[] holds ndays holiday day numbers in any order,
 * with duplicates allowed; it is sorted and compacted in place (keeping only
 * holidays on working weekdays) and must outlive the calendar, which points
 * into it.  first_day/last_day may be CAL_DAY_NOBEGIN/CAL_DAY_NOEND for an
 * unbounded range; they are clamped to the valid date range.
 */
extern CalStatus cal_compile(Calendar *cal, uint8_t mask,
							 int32_t first_day, int32_t last_day,
							 int32_t *days, int ndays);

/*
 * The O(1) index: cal_index_entries() tells how many int32_t it needs (0 when
 * there are no holidays, or when their span is so long that the binary search
 * is the better deal); cal_build_index() fills a buffer of that many and
 * makes the calendar use it.  The buffer must outlive the calendar.
 */
extern size_t cal_index_entries(const Calendar *cal);
extern void cal_build_index(Calendar *cal, int32_t *buffer);

/* Is day inside the calendar's known range? */
static inline bool
cal_in_range(const Calendar *cal, int64_t day)
{
	return day >= cal->first_day && day <= cal->last_day;
}

/* Number of holidays on or before day. */
static inline int64_t
cal_holidays_upto(const Calendar *cal, int64_t day)
{
	int			lo = 0;
	int			hi = cal->nholidays;

	if (cal->index != NULL)
	{
		if (day < cal->index_first)
			return 0;
		if (day > cal->index_last)
			return cal->nholidays;
		return cal->index[day - cal->index_first];
	}

	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (cal->holidays[mid] <= day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Working days in (from, to], for from <= to, both in range. */
static inline int64_t
cal_count_working_days(const Calendar *cal, int64_t from, int64_t to)
{
	int64_t		n = to - from;
	int64_t		weekdays;

	weekdays = (n / 7) * cal->per_week
		+ cal->count_after[cal_weekday(from)][n % 7];
	return weekdays - (cal_holidays_upto(cal, to) - cal_holidays_upto(cal, from));
}

/*
 * The arithmetic; each fails with CAL_OUT_OF_RANGE for a day outside it.
 * working_days is inline: it is the per-row hot path of every indicator.
 */
static inline CalStatus
cal_working_days(const Calendar *cal, int32_t from, int32_t to,
				 int32_t *result)
{
	if (!cal_in_range(cal, from) || !cal_in_range(cal, to))
		return CAL_OUT_OF_RANGE;
	if (from <= to)
		*result = (int32_t) cal_count_working_days(cal, from, to);
	else
		*result = (int32_t) -cal_count_working_days(cal, to, from);
	return CAL_OK;
}

extern CalStatus cal_is_working_day(const Calendar *cal, int32_t day,
									bool *result);
extern CalStatus cal_add_working_days(const Calendar *cal, int32_t day,
									  int32_t n, int32_t *result);
extern CalStatus cal_networkdays(const Calendar *cal, int32_t start,
								 int32_t finish, int32_t *result);

#endif							/* CSPI_CALENDAR_H */
