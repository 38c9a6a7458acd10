/*-------------------------------------------------------------------------
 *
 * workdays_sql.c
 *	  SQL-callable working-day functions: thin fmgr wrappers over workdays.c.
 *
 * Two families share the arithmetic.  The STABLE ones name a calendar of
 * cspi.calendar and find it through calendar_cache.c; the IMMUTABLE ones take
 * the holidays as a date[] and a weekmask.  Either way the compiled calendar
 * is remembered in fn_extra, so a query that calls the function for ten
 * million rows compiles (or looks up) its calendar once.  Excel's own
 * NETWORKDAYS.INTL and WORKDAY.INTL come in both families too, with Excel's
 * weekend argument in place of the weekmask.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "calendar.h"
#include "calendar_cache.h"

#include "fmgr.h"
#include "nodes/primnodes.h"
#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/timestamp.h"

/* What fn_extra remembers between calls of one function in one query. */
typedef struct CallCalendar
{
	const Calendar *cal;
	const char *label;			/* for messages: the calendar's name */
	bool		named;			/* a calendar of cspi.calendar? */

	/* calendar named in cspi.calendar: pinned until fn_mcxt goes */
	CachedCalendar *entry;
	SnapshotIdentity snapshot;	/* the snapshot entry was checked against */
	char	   *name;
	int			name_len;
	int			name_space;
	bool		name_stable;	/* the name is a constant */
	MemoryContextCallback release;

	/* calendar given as arguments */
	bool		args_stable;	/* holidays and weekmask are constants */
	char	   *args_copy;		/* the holiday array's bytes, then the mask */
	Size		args_len;
	Calendar	own;
	int32	   *own_days;
	int32	   *own_index;

	/* .INTL on a named calendar: own is it again with Excel's weekend */
	const CachedCalendar *intl_from;	/* the entry own was compiled from */
	uint8		intl_mask;
} CallCalendar;

static const char *
format_date(int32 day)
{
	return DatumGetCString(DirectFunctionCall1(date_out,
											   DateADTGetDatum(day)));
}

static void
check_finite(DateADT day)
{
	if (DATE_NOT_FINITE(day))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("working days cannot be counted from or to an infinite date")));
}

/* fn_mcxt is going: unpin the calendar the call site holds. */
static void
release_call_calendar(void *arg)
{
	CallCalendar *cc = (CallCalendar *) arg;

	if (cc->entry != NULL)
		cspi_calendar_release(cc->entry);
	cc->entry = NULL;
	cc->intl_from = NULL;
	cc->cal = NULL;
}

static CallCalendar *
call_state(FunctionCallInfo fcinfo)
{
	if (fcinfo->flinfo->fn_extra == NULL)
	{
		CallCalendar *cc = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt,
												  sizeof(CallCalendar));

		cc->release.func = release_call_calendar;
		cc->release.arg = cc;
		MemoryContextRegisterResetCallback(fcinfo->flinfo->fn_mcxt,
										   &cc->release);
		fcinfo->flinfo->fn_extra = cc;
	}
	return (CallCalendar *) fcinfo->flinfo->fn_extra;
}

/*
 * Is argument argno of this call a Const?  Only then can its value be
 * remembered across calls: get_fn_expr_arg_stable() also accepts external
 * Params, whose values change between calls of a PL/pgSQL expression that
 * keeps its fn_extra.
 */
static bool
arg_is_const(FmgrInfo *flinfo, int argno)
{
	Node	   *expr = flinfo->fn_expr;
	List	   *args;

	if (expr == NULL || !IsA(expr, FuncExpr))
		return false;
	args = ((FuncExpr *) expr)->args;
	return argno < list_length(args) && IsA(list_nth(args, argno), Const);
}

/*
 * The calendar named by text argument argno, from cspi.calendar, as the
 * statement's snapshot sees it (calendar_cache.c).  Per row this costs a
 * comparison of the snapshot with the one last checked; the cache is asked
 * again only when the snapshot or the name changes.
 */
static pg_noinline const CallCalendar *
named_calendar_lookup(FunctionCallInfo fcinfo, CallCalendar *cc, int argno,
					  Snapshot snap)
{
	text	   *name = PG_GETARG_TEXT_PP(argno);
	int			len = VARSIZE_ANY_EXHDR(name);
	bool		same_name;

	same_name = cc->entry != NULL && cc->name_len == len &&
		memcmp(cc->name, VARDATA_ANY(name), len) == 0;
	if (same_name && cspi_snapshot_unchanged(&cc->snapshot, snap))
		return cc;

	if (!same_name)
	{
		if (cc->name_space < len + 1)
		{
			cc->name = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, len + 1);
			cc->name_space = len + 1;
		}
		memcpy(cc->name, VARDATA_ANY(name), len);
		cc->name[len] = '\0';
		cc->name_len = len;
	}

	cc->snapshot.valid = false;
	cc->entry = cspi_calendar_acquire(cc->name, snap, cc->entry);
	cc->cal = &cc->entry->cal;
	cc->label = cc->entry->name;
	cc->named = true;
	cc->name_stable = arg_is_const(fcinfo->flinfo, argno);
	cspi_snapshot_identity(snap, &cc->snapshot);
	return cc;
}

static inline const CallCalendar *
named_calendar(FunctionCallInfo fcinfo, int argno)
{
	CallCalendar *cc = call_state(fcinfo);
	Snapshot	snap = cspi_calendar_snapshot();

	/* The common case: a constant name, the same snapshot as last row. */
	if (likely(cc->entry != NULL && cc->name_stable &&
			   cspi_snapshot_unchanged(&cc->snapshot, snap)))
		return cc;
	return named_calendar_lookup(fcinfo, cc, argno, snap);
}

/*
 * Make cc->own the calendar of days[0..ndays) (allocated in fn_mcxt, and
 * from now on cc's) and weekmask bit set mask over first_day..last_day,
 * with its index when it has one.
 */
static void
compile_own(FunctionCallInfo fcinfo, CallCalendar *cc, uint8 mask,
			int32 first_day, int32 last_day, int32 *days, int ndays)
{
	cc->cal = NULL;
	cc->intl_from = NULL;
	if (cc->own_days)
		pfree(cc->own_days);
	cc->own_days = days;
	if (cal_compile(&cc->own, mask, first_day, last_day, days, ndays) != CAL_OK)
		elog(ERROR, "could not compile a calendar of weekmask %02x", mask);
	if (cc->own_index)
		pfree(cc->own_index);
	cc->own_index = NULL;
	if (cal_index_entries(&cc->own) > 0)
	{
		cc->own_index = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt,
										   sizeof(int32) * cal_index_entries(&cc->own));
		cal_build_index(&cc->own, cc->own_index);
	}
}

/*
 * The calendar of holiday array arr (NULL: no holidays) and weekmask bit set
 * mask, covering every valid date, compiled into cc unless cc holds it
 * already.  A NULL element is an error, or skipped when skip_nulls (as Excel
 * skips blank cells).  stable: the arguments are constants, so that later
 * calls may take cc's calendar without looking at them.
 */
static const CallCalendar *
array_calendar(FunctionCallInfo fcinfo, CallCalendar *cc, ArrayType *arr,
			   uint8 mask, bool skip_nulls, bool stable)
{
	Size		arr_len = arr != NULL ? VARSIZE(arr) : 0;
	Datum	   *elems = NULL;
	bool	   *elem_nulls = NULL;
	int			nelems = 0;
	int			ndays = 0;
	int32	   *days;

	if (cc->cal != NULL && cc->args_len == arr_len + 1 &&
		(arr == NULL || memcmp(cc->args_copy, arr, arr_len) == 0) &&
		(uint8) cc->args_copy[arr_len] == mask)
		return cc;

	if (arr != NULL)
	{
		if (ARR_NDIM(arr) > 1)
			ereport(ERROR,
					(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
					 errmsg("holidays must be a one-dimensional array of dates")));
		deconstruct_array(arr, DATEOID, sizeof(DateADT), true, TYPALIGN_INT,
						  &elems, &elem_nulls, &nelems);
	}

	cc->cal = NULL;
	if (cc->args_copy)
		pfree(cc->args_copy);
	cc->args_copy = NULL;
	days = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt,
							  sizeof(int32) * Max(nelems, 1));
	for (int i = 0; i < nelems; i++)
	{
		if (elem_nulls[i])
		{
			if (skip_nulls)
				continue;
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("holidays must not contain NULL")));
		}
		if (DATE_NOT_FINITE(DatumGetDateADT(elems[i])))
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("holidays must be finite dates")));
		days[ndays++] = DatumGetDateADT(elems[i]);
	}
	compile_own(fcinfo, cc, mask, CAL_DAY_NOBEGIN, CAL_DAY_NOEND, days, ndays);

	cc->args_len = arr_len + 1;
	cc->args_copy = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, cc->args_len);
	if (arr != NULL)
		memcpy(cc->args_copy, arr, arr_len);
	cc->args_copy[arr_len] = (char) mask;
	cc->args_stable = stable;
	cc->label = NULL;
	cc->named = false;
	cc->cal = &cc->own;
	return cc;
}

/*
 * The calendar given by a date[] of holidays (argument argno) and a weekmask
 * (argno + 1): no known range, every valid date is covered.
 */
static const CallCalendar *
argument_calendar(FunctionCallInfo fcinfo, int argno)
{
	CallCalendar *cc = call_state(fcinfo);
	text	   *mask_text;
	uint8		mask;
	CalStatus	st;

	if (cc->cal != NULL && cc->args_stable)
		return cc;

	mask_text = PG_GETARG_TEXT_PP(argno + 1);
	st = cal_parse_weekmask(VARDATA_ANY(mask_text),
							(int) VARSIZE_ANY_EXHDR(mask_text), &mask);
	if (st == CAL_NO_WORKING_DAY)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("weekmask \"%s\" has no working day",
						text_to_cstring(mask_text)),
				 errhint("A weekmask is seven characters 0 or 1, Monday first, 1 meaning a working day, such as '1111100'.")));
	if (st != CAL_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid weekmask \"%s\"", text_to_cstring(mask_text)),
				 errhint("A weekmask is seven characters 0 or 1, Monday first, 1 meaning a working day, such as '1111100'.")));

	return array_calendar(fcinfo, cc, PG_GETARG_ARRAYTYPE_P(argno), mask,
						  false,
						  arg_is_const(fcinfo->flinfo, argno) &&
						  arg_is_const(fcinfo->flinfo, argno + 1));
}

/*
 * Turn a status of the calendar core into an error (never returns).
 * PostgreSQL 18 replaced the attribute after a declaration with a specifier
 * before it.
 */
#if PG_VERSION_NUM >= 180000
pg_noreturn static void report_status(CalStatus st, const CallCalendar *cc, int32 day);
#else
static void report_status(CalStatus st, const CallCalendar *cc, int32 day) pg_attribute_noreturn();
#endif

/* Turn a status of the calendar core other than CAL_OK into an error. */
static inline void
check_status(CalStatus st, const CallCalendar *cc, int32 day)
{
	if (likely(st == CAL_OK))
		return;
	report_status(st, cc, day);
}

static void
report_status(CalStatus st, const CallCalendar *cc, int32 day)
{
	const Calendar *cal = cc->cal;

	if (!cc->named)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("working days from %s run past the range of valid dates",
						format_date(day))));
	if (st == CAL_OUT_OF_RANGE)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("date %s is outside the range of calendar \"%s\"",
						format_date(day), cc->label),
				 errdetail("The holidays of calendar \"%s\" are known from %s to %s.",
						   cc->label, format_date(cal->first_day),
						   format_date(cal->last_day)),
				 errhint("To extend it, add the holidays of the missing years to cspi.holiday and widen first_date and last_date in cspi.calendar.")));
	if (st == CAL_RESULT_OUT_OF_RANGE)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("working days from %s run past the range of calendar \"%s\"",
						format_date(day), cc->label),
				 errdetail("The holidays of calendar \"%s\" are known from %s to %s.",
						   cc->label, format_date(cal->first_day),
						   format_date(cal->last_day)),
				 errhint("To extend it, add the holidays of the missing years to cspi.holiday and widen first_date and last_date in cspi.calendar.")));
	elog(ERROR, "unexpected calendar status %d", (int) st);
	pg_unreachable();
}

/* The first of two dates that lies outside the calendar's range. */
static int32
outside(const CallCalendar *cc, int32 a, int32 b)
{
	return cal_in_range(cc->cal, a) ? b : a;
}

/*
 * Turn a refused pair of dates into an error.  Infinite dates lie outside
 * every calendar's range (which is clamped to the valid dates), so they
 * need checking only once a date is refused; then the date outside the
 * range is named.
 */
#if PG_VERSION_NUM >= 180000
pg_noreturn static void report_two_dates(CalStatus st, const CallCalendar *cc, int32 a, int32 b);
#else
static void report_two_dates(CalStatus st, const CallCalendar *cc, int32 a, int32 b) pg_attribute_noreturn();
#endif

static void
report_two_dates(CalStatus st, const CallCalendar *cc, int32 a, int32 b)
{
	check_finite(a);
	check_finite(b);
	report_status(st, cc, outside(cc, a, b));
}

static inline Datum
working_days_common(FunctionCallInfo fcinfo, const CallCalendar *cc,
					DateADT from, DateADT to)
{
	int32		result;
	CalStatus	st = cal_working_days(cc->cal, from, to, &result);

	if (unlikely(st != CAL_OK))
		report_two_dates(st, cc, from, to);
	PG_RETURN_INT32(result);
}

static Datum
add_working_days_common(FunctionCallInfo fcinfo, const CallCalendar *cc,
						DateADT day, int32 n)
{
	int32		result;

	check_finite(day);
	check_status(cal_add_working_days(cc->cal, day, n, &result), cc, day);
	PG_RETURN_DATEADT(result);
}

static Datum
networkdays_common(FunctionCallInfo fcinfo, const CallCalendar *cc,
				   DateADT start, DateADT finish)
{
	int32		result;
	CalStatus	st = cal_networkdays(cc->cal, start, finish, &result);

	if (unlikely(st != CAL_OK))
		report_two_dates(st, cc, start, finish);
	PG_RETURN_INT32(result);
}

static Datum
is_working_day_common(FunctionCallInfo fcinfo, const CallCalendar *cc,
					  DateADT day)
{
	bool		result;

	check_finite(day);
	check_status(cal_is_working_day(cc->cal, day, &result), cc, day);
	PG_RETURN_BOOL(result);
}

/* working_days(from date, to date, calendar text) */
PG_FUNCTION_INFO_V1(cspi_working_days);
Datum
cspi_working_days(PG_FUNCTION_ARGS)
{
	return working_days_common(fcinfo, named_calendar(fcinfo, 2),
							   PG_GETARG_DATEADT(0), PG_GETARG_DATEADT(1));
}

/*
 * working_days_or_null(from date, to date, calendar text): NULL, not an
 * error, for a date the calendar does not cover.  The indicator views use it
 * so that one mistyped date cannot stop a refresh; data_quality lists it.
 */
PG_FUNCTION_INFO_V1(cspi_working_days_or_null);
Datum
cspi_working_days_or_null(PG_FUNCTION_ARGS)
{
	const CallCalendar *cc = named_calendar(fcinfo, 2);
	DateADT		from = PG_GETARG_DATEADT(0);
	DateADT		to = PG_GETARG_DATEADT(1);
	int32		result;

	if (DATE_NOT_FINITE(from) || DATE_NOT_FINITE(to) ||
		cal_working_days(cc->cal, from, to, &result) != CAL_OK)
		PG_RETURN_NULL();
	PG_RETURN_INT32(result);
}

/* working_days(from timestamp, to timestamp, calendar text) */
PG_FUNCTION_INFO_V1(cspi_working_days_timestamp);
Datum
cspi_working_days_timestamp(PG_FUNCTION_ARGS)
{
	DateADT		from = DatumGetDateADT(DirectFunctionCall1(timestamp_date,
														   PG_GETARG_DATUM(0)));
	DateADT		to = DatumGetDateADT(DirectFunctionCall1(timestamp_date,
														 PG_GETARG_DATUM(1)));

	return working_days_common(fcinfo, named_calendar(fcinfo, 2), from, to);
}

/* working_days(from timestamptz, to timestamptz, calendar text) */
PG_FUNCTION_INFO_V1(cspi_working_days_timestamptz);
Datum
cspi_working_days_timestamptz(PG_FUNCTION_ARGS)
{
	DateADT		from = DatumGetDateADT(DirectFunctionCall1(timestamptz_date,
														   PG_GETARG_DATUM(0)));
	DateADT		to = DatumGetDateADT(DirectFunctionCall1(timestamptz_date,
														 PG_GETARG_DATUM(1)));

	return working_days_common(fcinfo, named_calendar(fcinfo, 2), from, to);
}

/* add_working_days(d date, n integer, calendar text), and workday() */
PG_FUNCTION_INFO_V1(cspi_add_working_days);
Datum
cspi_add_working_days(PG_FUNCTION_ARGS)
{
	return add_working_days_common(fcinfo, named_calendar(fcinfo, 2),
								   PG_GETARG_DATEADT(0), PG_GETARG_INT32(1));
}

/* networkdays(start date, finish date, calendar text) */
PG_FUNCTION_INFO_V1(cspi_networkdays);
Datum
cspi_networkdays(PG_FUNCTION_ARGS)
{
	return networkdays_common(fcinfo, named_calendar(fcinfo, 2),
							  PG_GETARG_DATEADT(0), PG_GETARG_DATEADT(1));
}

/* is_working_day(d date, calendar text) */
PG_FUNCTION_INFO_V1(cspi_is_working_day);
Datum
cspi_is_working_day(PG_FUNCTION_ARGS)
{
	return is_working_day_common(fcinfo, named_calendar(fcinfo, 1),
								 PG_GETARG_DATEADT(0));
}

/* next_working_day(d date, calendar text) */
PG_FUNCTION_INFO_V1(cspi_next_working_day);
Datum
cspi_next_working_day(PG_FUNCTION_ARGS)
{
	return add_working_days_common(fcinfo, named_calendar(fcinfo, 1),
								   PG_GETARG_DATEADT(0), 1);
}

/* previous_working_day(d date, calendar text) */
PG_FUNCTION_INFO_V1(cspi_previous_working_day);
Datum
cspi_previous_working_day(PG_FUNCTION_ARGS)
{
	return add_working_days_common(fcinfo, named_calendar(fcinfo, 1),
								   PG_GETARG_DATEADT(0), -1);
}

/* working_days(from date, to date, holidays date[], weekmask text) */
PG_FUNCTION_INFO_V1(cspi_working_days_holidays);
Datum
cspi_working_days_holidays(PG_FUNCTION_ARGS)
{
	return working_days_common(fcinfo, argument_calendar(fcinfo, 2),
							   PG_GETARG_DATEADT(0), PG_GETARG_DATEADT(1));
}

/* add_working_days(d date, n integer, holidays date[], weekmask text) */
PG_FUNCTION_INFO_V1(cspi_add_working_days_holidays);
Datum
cspi_add_working_days_holidays(PG_FUNCTION_ARGS)
{
	return add_working_days_common(fcinfo, argument_calendar(fcinfo, 2),
								   PG_GETARG_DATEADT(0), PG_GETARG_INT32(1));
}

/* networkdays(start date, finish date, holidays date[], weekmask text) */
PG_FUNCTION_INFO_V1(cspi_networkdays_holidays);
Datum
cspi_networkdays_holidays(PG_FUNCTION_ARGS)
{
	return networkdays_common(fcinfo, argument_calendar(fcinfo, 2),
							  PG_GETARG_DATEADT(0), PG_GETARG_DATEADT(1));
}

/* is_working_day(d date, holidays date[], weekmask text) */
PG_FUNCTION_INFO_V1(cspi_is_working_day_holidays);
Datum
cspi_is_working_day_holidays(PG_FUNCTION_ARGS)
{
	return is_working_day_common(fcinfo, argument_calendar(fcinfo, 1),
								 PG_GETARG_DATEADT(0));
}

/*
 * Excel's NETWORKDAYS.INTL and WORKDAY.INTL, with Excel's weekend argument:
 * an integer code or a string with 1 for a day off (src/calendar.c reads
 * both).  They are not STRICT: NULL in the weekend or the holidays means the
 * omitted argument (weekend 1, no holidays), NULL elements of the holidays
 * are skipped as Excel skips blank cells, and NULL in the start, the days,
 * the finish or the calendar's name gives NULL.
 */
#define EXCEL_WEEKEND_HINT \
	"The weekend is Excel's: a code, 1 to 7 for two days off (1 Saturday and Sunday, 2 Sunday and Monday, ... 7 Friday and Saturday) or 11 to 17 for one (11 Sunday, 12 Monday, ... 17 Saturday), or seven characters 0 or 1, Monday first, 1 meaning a day off, such as '0000011'."

/*
 * The weekend argument argno as a weekmask bit set, 0 when it leaves no
 * working day ("1111111").
 */
static uint8
excel_weekend(FunctionCallInfo fcinfo, int argno, bool string_weekend)
{
	uint8		mask = 0;

	if (PG_ARGISNULL(argno))
		(void) cal_excel_weekend_code(1, &mask);
	else if (string_weekend)
	{
		text	   *weekend = PG_GETARG_TEXT_PP(argno);

		if (cal_excel_weekend_to_mask(VARDATA_ANY(weekend),
									  (int) VARSIZE_ANY_EXHDR(weekend),
									  &mask) == CAL_BAD_WEEKEND)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid Excel weekend \"%s\"",
							text_to_cstring(weekend)),
					 errhint(EXCEL_WEEKEND_HINT)));
	}
	else
	{
		int32		code = PG_GETARG_INT32(argno);

		if (cal_excel_weekend_code(code, &mask) == CAL_BAD_WEEKEND)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid Excel weekend code %d", code),
					 errhint(EXCEL_WEEKEND_HINT)));
	}
	return mask;
}

/*
 * The calendar of an .INTL call: the holiday array argno, or the calendar
 * named by argno, with weekmask bit set mask (not 0) in place of its own.
 * The named calendar keeps its known range and all its holidays, including
 * those on its own days off, which may be working days of this weekend.
 */
static const CallCalendar *
excel_calendar(FunctionCallInfo fcinfo, int argno, bool named, uint8 mask)
{
	CallCalendar *cc;
	const CachedCalendar *entry;
	int32	   *days;

	if (!named)
	{
		cc = call_state(fcinfo);
		if (cc->cal != NULL && cc->args_stable)
			return cc;
		return array_calendar(fcinfo, cc,
							  PG_ARGISNULL(argno) ? NULL :
							  PG_GETARG_ARRAYTYPE_P(argno),
							  mask, true,
							  arg_is_const(fcinfo->flinfo, argno - 1) &&
							  arg_is_const(fcinfo->flinfo, argno));
	}

	(void) named_calendar(fcinfo, argno);
	cc = call_state(fcinfo);
	entry = cc->entry;
	if (mask == entry->cal.mask)
	{
		cc->cal = &entry->cal;
		return cc;
	}
	/* The entry is pinned while cc holds it: the same pointer, the same calendar. */
	if (cc->intl_from != entry || cc->intl_mask != mask)
	{
		days = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt,
								  sizeof(int32) * Max(entry->nall_days, 1));
		memcpy(days, entry->all_days, sizeof(int32) * entry->nall_days);
		compile_own(fcinfo, cc, mask, entry->cal.first_day,
					entry->cal.last_day, days, entry->nall_days);
		cc->intl_from = entry;
		cc->intl_mask = mask;
	}
	cc->cal = &cc->own;
	return cc;
}

static Datum
networkdays_intl_common(FunctionCallInfo fcinfo, bool string_weekend,
						bool named)
{
	DateADT		start;
	DateADT		finish;
	uint8		mask;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || (named && PG_ARGISNULL(3)))
		PG_RETURN_NULL();
	start = PG_GETARG_DATEADT(0);
	finish = PG_GETARG_DATEADT(1);
	mask = excel_weekend(fcinfo, 2, string_weekend);
	if (mask == 0)
	{
		/* NETWORKDAYS.INTL counts no working day in a week of weekend. */
		check_finite(start);
		check_finite(finish);
		if (named)
		{
			CallCalendar *cc;

			(void) named_calendar(fcinfo, 3);
			cc = call_state(fcinfo);
			cc->cal = &cc->entry->cal;
			if (!cal_in_range(cc->cal, start) || !cal_in_range(cc->cal, finish))
				report_two_dates(CAL_OUT_OF_RANGE, cc, start, finish);
		}
		PG_RETURN_INT32(0);
	}
	return networkdays_common(fcinfo, excel_calendar(fcinfo, 3, named, mask),
							  start, finish);
}

static Datum
workday_intl_common(FunctionCallInfo fcinfo, bool string_weekend, bool named)
{
	uint8		mask;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || (named && PG_ARGISNULL(3)))
		PG_RETURN_NULL();
	mask = excel_weekend(fcinfo, 2, string_weekend);
	if (mask == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("Excel weekend \"1111111\" leaves no working day"),
				 errdetail("WORKDAY.INTL refuses it too; NETWORKDAYS.INTL counts 0 working days with it."),
				 errhint(EXCEL_WEEKEND_HINT)));
	return add_working_days_common(fcinfo, excel_calendar(fcinfo, 3, named, mask),
								   PG_GETARG_DATEADT(0), PG_GETARG_INT32(1));
}

/* networkdays_intl(start date, finish date, weekend integer, holidays date[]) */
PG_FUNCTION_INFO_V1(cspi_networkdays_intl);
Datum
cspi_networkdays_intl(PG_FUNCTION_ARGS)
{
	return networkdays_intl_common(fcinfo, false, false);
}

/* networkdays_intl(start date, finish date, weekend text, holidays date[]) */
PG_FUNCTION_INFO_V1(cspi_networkdays_intl_string);
Datum
cspi_networkdays_intl_string(PG_FUNCTION_ARGS)
{
	return networkdays_intl_common(fcinfo, true, false);
}

/* networkdays_intl(start date, finish date, weekend integer, calendar text) */
PG_FUNCTION_INFO_V1(cspi_networkdays_intl_calendar);
Datum
cspi_networkdays_intl_calendar(PG_FUNCTION_ARGS)
{
	return networkdays_intl_common(fcinfo, false, true);
}

/* networkdays_intl(start date, finish date, weekend text, calendar text) */
PG_FUNCTION_INFO_V1(cspi_networkdays_intl_string_calendar);
Datum
cspi_networkdays_intl_string_calendar(PG_FUNCTION_ARGS)
{
	return networkdays_intl_common(fcinfo, true, true);
}

/* workday_intl(start date, days integer, weekend integer, holidays date[]) */
PG_FUNCTION_INFO_V1(cspi_workday_intl);
Datum
cspi_workday_intl(PG_FUNCTION_ARGS)
{
	return workday_intl_common(fcinfo, false, false);
}

/* workday_intl(start date, days integer, weekend text, holidays date[]) */
PG_FUNCTION_INFO_V1(cspi_workday_intl_string);
Datum
cspi_workday_intl_string(PG_FUNCTION_ARGS)
{
	return workday_intl_common(fcinfo, true, false);
}

/* workday_intl(start date, days integer, weekend integer, calendar text) */
PG_FUNCTION_INFO_V1(cspi_workday_intl_calendar);
Datum
cspi_workday_intl_calendar(PG_FUNCTION_ARGS)
{
	return workday_intl_common(fcinfo, false, true);
}

/* workday_intl(start date, days integer, weekend text, calendar text) */
PG_FUNCTION_INFO_V1(cspi_workday_intl_string_calendar);
Datum
cspi_workday_intl_string_calendar(PG_FUNCTION_ARGS)
{
	return workday_intl_common(fcinfo, true, true);
}
