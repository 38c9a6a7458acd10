/*-------------------------------------------------------------------------
 *
 * workdays.c
 *	  Working-day arithmetic over a compiled calendar.
 *
 * working_days(from, to) counts the working days d with from < d <= to:
 * whole weeks times the working weekdays per week, plus a table lookup for
 * the remaining days, minus the holidays in the interval, which are found by
 * two lookups in the calendar's index (or, without one, two binary searches
 * over the compiled holiday list).  Adding n working days
 * jumps to the n-th working weekday (again whole weeks plus a table lookup)
 * and then walks on by the number of holidays it passed, which for real
 * calendars takes one or two rounds.  No PostgreSQL includes: see calendar.h.
 *
 *-------------------------------------------------------------------------
 */
#include "calendar.h"

static bool
is_working(const Calendar *cal, int64_t day)
{
	if (!(cal->mask & (1 << cal_weekday(day))))
		return false;
	return cal_holidays_upto(cal, day) == cal_holidays_upto(cal, day - 1);
}

CalStatus
cal_is_working_day(const Calendar *cal, int32_t day, bool *result)
{
	if (!cal_in_range(cal, day))
		return CAL_OUT_OF_RANGE;
	*result = is_working(cal, day);
	return CAL_OK;
}

CalStatus
cal_add_working_days(const Calendar *cal, int32_t day, int32_t n,
					 int32_t *result)
{
	int64_t		cur = day;
	int64_t		need;

	if (!cal_in_range(cal, day))
		return CAL_OUT_OF_RANGE;

	if (n >= 0)
	{
		need = n;
		while (need > 0)
		{
			int64_t		q = (need - 1) / cal->per_week;
			int			r = (int) ((need - 1) % cal->per_week) + 1;
			int64_t		next;

			next = cur + 7 * q + cal->nth_after[cal_weekday(cur)][r];
			if (next > cal->last_day)
				return CAL_RESULT_OUT_OF_RANGE;
			/* The holidays passed on the way must be made up after next. */
			need = cal_holidays_upto(cal, next) - cal_holidays_upto(cal, cur);
			cur = next;
		}
	}
	else
	{
		need = -(int64_t) n;
		while (need > 0)
		{
			int64_t		q = (need - 1) / cal->per_week;
			int			r = (int) ((need - 1) % cal->per_week) + 1;
			int64_t		next;

			next = cur - 7 * q - cal->nth_before[cal_weekday(cur)][r];
			if (next < cal->first_day)
				return CAL_RESULT_OUT_OF_RANGE;
			need = cal_holidays_upto(cal, cur - 1) - cal_holidays_upto(cal, next - 1);
			cur = next;
		}
	}
	*result = (int32_t) cur;
	return CAL_OK;
}

CalStatus
cal_networkdays(const Calendar *cal, int32_t start, int32_t finish,
				int32_t *result)
{
	int64_t		lo = start < finish ? start : finish;
	int64_t		hi = start < finish ? finish : start;
	int64_t		count;

	if (!cal_in_range(cal, start) || !cal_in_range(cal, finish))
		return CAL_OUT_OF_RANGE;
	/* Excel counts both ends, and negates when start is after finish. */
	count = cal_count_working_days(cal, lo, hi) + (is_working(cal, lo) ? 1 : 0);
	*result = (int32_t) (start <= finish ? count : -count);
	return CAL_OK;
}
