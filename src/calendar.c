/*-------------------------------------------------------------------------
 *
 * calendar.c
 *	  Compiling a calendar: weekmask parsing (numpy's, and Excel's weekend
 *	  argument), holiday sorting, week tables.
 *
 * A calendar arrives as a weekmask, a known range and an unordered list of
 * holidays.  Compiling it sorts the holidays, drops duplicates and those on
 * non-working weekdays (they change no count), and precomputes three small
 * week tables so that workdays.c can answer in constant time plus a binary
 * search.  No PostgreSQL includes: see calendar.h.
 *
 *-------------------------------------------------------------------------
 */
#include "calendar.h"

#include <stdlib.h>

CalStatus
cal_parse_weekmask(const char *text, int len, uint8_t *mask)
{
	uint8_t		m = 0;

	if (len != 7)
		return CAL_BAD_WEEKMASK;
	for (int i = 0; i < 7; i++)
	{
		if (text[i] == '1')
			m |= (uint8_t) (1 << i);
		else if (text[i] != '0')
			return CAL_BAD_WEEKMASK;
	}
	if (m == 0)
		return CAL_NO_WORKING_DAY;
	*mask = m;
	return CAL_OK;
}

/*
 * Excel's weekend codes 1-7 are two days off in a row, the first of them
 * Saturday for 1, Sunday for 2, ... Friday for 7; codes 11-17 are one day
 * off, Sunday for 11, Monday for 12, ... Saturday for 17.
 */
CalStatus
cal_excel_weekend_code(int64_t code, uint8_t *mask)
{
	uint8_t		off;

	if (code >= 1 && code <= 7)
	{
		int			first = (int) ((code + 4) % 7);	/* 1 -> Saturday (5) */

		off = (uint8_t) ((1 << first) | (1 << ((first + 1) % 7)));
	}
	else if (code >= 11 && code <= 17)
		off = (uint8_t) (1 << ((code - 5) % 7));	/* 11 -> Sunday (6) */
	else
		return CAL_BAD_WEEKEND;
	*mask = (uint8_t) (~off & 0x7f);
	return CAL_OK;
}

CalStatus
cal_excel_weekend_to_mask(const char *text, int len, uint8_t *mask)
{
	uint8_t		m = 0;

	if (len != 7)
		return CAL_BAD_WEEKEND;
	for (int i = 0; i < 7; i++)
	{
		if (text[i] == '0')
			m |= (uint8_t) (1 << i);
		else if (text[i] != '1')
			return CAL_BAD_WEEKEND;
	}
	*mask = m;
	return m == 0 ? CAL_NO_WORKING_DAY : CAL_OK;
}

static int
compare_days(const void *a, const void *b)
{
	int32_t		x = *(const int32_t *) a;
	int32_t		y = *(const int32_t *) b;

	return (x > y) - (x < y);
}

static void
build_week_tables(Calendar *cal)
{
	for (int w = 0; w < 7; w++)
	{
		int			count = 0;
		int			k = 0;

		cal->count_after[w][0] = 0;
		for (int r = 1; r <= 7; r++)
		{
			if (cal->mask & (1 << ((w + r) % 7)))
			{
				count++;
				cal->nth_after[w][++k] = (int8_t) r;
			}
			cal->count_after[w][r] = (int8_t) count;
		}
		cal->nth_after[w][0] = 0;

		k = 0;
		for (int r = 1; r <= 7; r++)
		{
			if (cal->mask & (1 << (((w - r) % 7 + 7) % 7)))
				cal->nth_before[w][++k] = (int8_t) r;
		}
		cal->nth_before[w][0] = 0;
	}
}

CalStatus
cal_compile(Calendar *cal, uint8_t mask, int32_t first_day, int32_t last_day,
			int32_t *days, int ndays)
{
	int			kept = 0;

	mask &= 0x7f;
	if (mask == 0)
		return CAL_NO_WORKING_DAY;

	/* An unbounded end means "every valid date". */
	if (first_day < CAL_MIN_DAY)
		first_day = CAL_MIN_DAY;
	if (last_day > CAL_MAX_DAY)
		last_day = CAL_MAX_DAY;
	if (first_day > last_day)
		return CAL_BAD_RANGE;

	cal->mask = mask;
	cal->per_week = 0;
	for (int w = 0; w < 7; w++)
		cal->per_week += (mask >> w) & 1;
	cal->first_day = first_day;
	cal->last_day = last_day;

	if (ndays > 0)
		qsort(days, (size_t) ndays, sizeof(int32_t), compare_days);
	for (int i = 0; i < ndays; i++)
	{
		if (!(mask & (1 << cal_weekday(days[i]))))
			continue;
		if (kept > 0 && days[kept - 1] == days[i])
			continue;
		days[kept++] = days[i];
	}
	cal->holidays = days;
	cal->nholidays = kept;
	cal->index = NULL;
	cal->index_first = 0;
	cal->index_last = -1;

	build_week_tables(cal);
	return CAL_OK;
}

/*
 * The index costs one int32 per day from the first holiday to the last.  It
 * is built when that span is short (up to 2^16 days, 256 kB: 179 years of
 * any calendar) or dense enough (at most 64 days per holiday: real holiday
 * calendars have one every 40 days or so); a sparse list such as
 * {0001-01-01, 9999-12-31} is binary-searched instead, so a holiday array
 * passed per row never costs megabytes.
 */
#define CAL_SMALL_INDEX_ENTRIES ((size_t) 1 << 16)
#define CAL_MAX_DAYS_PER_HOLIDAY 64

size_t
cal_index_entries(const Calendar *cal)
{
	size_t		span;

	if (cal->nholidays == 0)
		return 0;
	span = (size_t) ((int64_t) cal->holidays[cal->nholidays - 1]
					 - cal->holidays[0] + 1);
	if (span <= CAL_SMALL_INDEX_ENTRIES ||
		span / (size_t) cal->nholidays <= CAL_MAX_DAYS_PER_HOLIDAY)
		return span;
	return 0;
}

void
cal_build_index(Calendar *cal, int32_t *buffer)
{
	size_t		span = cal_index_entries(cal);
	int32_t		count = 0;
	int			next = 0;

	if (span == 0)
		return;
	cal->index_first = cal->holidays[0];
	cal->index_last = cal->holidays[cal->nholidays - 1];
	for (size_t i = 0; i < span; i++)
	{
		if (next < cal->nholidays &&
			cal->holidays[next] == cal->index_first + (int64_t) i)
		{
			count++;
			next++;
		}
		buffer[i] = count;
	}
	cal->index = buffer;
}
