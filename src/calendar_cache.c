/*-------------------------------------------------------------------------
 *
 * calendar_cache.c
 *	  Per-backend cache of compiled calendars, and its invalidation.
 *
 * A calendar is read from cspi.calendar and cspi.holiday with SPI the first
 * time a backend uses it, compiled (calendar.c) into CacheMemoryContext, and
 * kept until a change to either table: a statement-level trigger on both
 * tables (cspi.calendar_changed) sends a relcache invalidation for the table,
 * which PostgreSQL delivers to every backend when the change commits (and
 * to this backend at once; a rolled-back change is undone the same way), and
 * the relcache callback registered here drops the whole cache.  TimescaleDB
 * and Citus keep their catalog caches coherent in the same way.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "calendar_cache.h"

#include "catalog/namespace.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/snapmgr.h"

uint64		cspi_calendar_generation = 1;

static MemoryContext cache_context = NULL;
static CachedCalendar *cache_head = NULL;
static bool cache_stale = false;
static Oid	calendar_relid = InvalidOid;
static Oid	holiday_relid = InvalidOid;

/* Longest chain of base calendars followed before calling it a cycle. */
#define MAX_BASE_DEPTH 16

static void
calendar_relcache_callback(Datum arg, Oid relid)
{
	if (relid == InvalidOid || relid == calendar_relid ||
		relid == holiday_relid)
	{
		cspi_calendar_generation++;
		cache_stale = true;
	}
}

void
cspi_calendar_cache_init(void)
{
	CacheRegisterRelcacheCallback(calendar_relcache_callback, (Datum) 0);
}

static void
reset_cache_if_stale(void)
{
	Oid			nsp;

	if (cache_context == NULL)
	{
		cache_context = AllocSetContextCreate(CacheMemoryContext,
											  "cspi calendar cache",
											  ALLOCSET_SMALL_SIZES);
		cache_stale = true;
	}
	if (!cache_stale)
		return;

	/* Entries handed out under the old generation are about to go. */
	MemoryContextReset(cache_context);
	cache_head = NULL;
	cspi_calendar_generation++;
	/*
	 * Clear the flag first: the catalog lookups below may process
	 * invalidations, and one that arrives now must not be lost.
	 */
	cache_stale = false;
	/* The tables' OIDs change if the extension is dropped and recreated. */
	nsp = get_namespace_oid("cspi", false);
	calendar_relid = get_relname_relid("calendar", nsp);
	holiday_relid = get_relname_relid("holiday", nsp);
}

static const char *
format_date(int32 day)
{
	return DatumGetCString(DirectFunctionCall1(date_out,
											   DateADTGetDatum(day)));
}

/* Error for a calendar that is not in cspi.calendar, naming those that are. */
static void
report_unknown_calendar(const char *name)
{
	char	   *known = NULL;
	bool		isnull = true;

	if (SPI_execute("SELECT string_agg(name, ', ' ORDER BY name)"
					" FROM cspi.calendar", true, 1) == SPI_OK_SELECT &&
		SPI_processed == 1)
	{
		Datum		d = SPI_getbinval(SPI_tuptable->vals[0],
									  SPI_tuptable->tupdesc, 1, &isnull);

		if (!isnull)
			known = TextDatumGetCString(d);
	}
	ereport(ERROR,
			(errcode(ERRCODE_UNDEFINED_OBJECT),
			 errmsg("calendar \"%s\" does not exist", name),
			 known ? errhint("Known calendars: %s.", known)
			 : errhint("Add calendars to cspi.calendar.")));
}

static CachedCalendar *
load_calendar(const char *name)
{
	static const char *query =
	"WITH RECURSIVE chain AS ("
	"  SELECT c.name, c.base, c.weekmask, c.first_date, c.last_date,"
	"         1 AS depth"
	"    FROM cspi.calendar c WHERE c.name = $1"
	"  UNION ALL"
	"  SELECT c.name, c.base, c.weekmask, c.first_date, c.last_date,"
	"         chain.depth + 1"
	"    FROM chain JOIN cspi.calendar c ON c.name = chain.base"
	"   WHERE chain.depth <= " CppAsString2(MAX_BASE_DEPTH)
	") "
	"SELECT (SELECT weekmask FROM chain WHERE depth = 1),"
	"       (SELECT max(first_date) FROM chain),"
	"       (SELECT min(last_date) FROM chain),"
	"       (SELECT max(depth) FROM chain),"
	"       (SELECT min(chain.base) FROM chain WHERE chain.base IS NOT NULL"
	"           AND NOT EXISTS (SELECT 1 FROM cspi.calendar c"
	"                            WHERE c.name = chain.base)),"
	"       ARRAY(SELECT h.holiday_date FROM cspi.holiday h"
	"              WHERE h.calendar IN (SELECT chain.name FROM chain))";
	Oid			argtypes[1] = {TEXTOID};
	Datum		args[1];
	SPIPlanPtr	plan;
	Datum		values[6];
	bool		nulls[6];
	CachedCalendar *entry;
	MemoryContext oldcxt;
	ArrayType  *arr;
	Datum	   *elems;
	int			nelems;
	char	   *mask_text;
	uint8		mask;
	CalStatus	st;

	args[0] = CStringGetTextDatum(name);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");

	/*
	 * Read with the latest snapshot, as catalogs are read, not the running
	 * query's: the cache outlives this transaction, so it must not keep
	 * what an older snapshot saw of a change whose invalidation has already
	 * been processed (a repeatable-read transaction would otherwise leave the
	 * backend with a stale calendar for good).  Uncommitted changes of other
	 * sessions stay invisible; this session's own are seen.
	 */
	plan = SPI_prepare(query, 1, argtypes);
	if (plan == NULL)
		elog(ERROR, "could not prepare the calendar query: %s",
			 SPI_result_code_string(SPI_result));
	if (SPI_execute_snapshot(plan, args, NULL, GetLatestSnapshot(),
							 InvalidSnapshot, true, false, 1)
		!= SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "could not read calendar \"%s\"", name);
	for (int i = 0; i < 6; i++)
		values[i] = SPI_getbinval(SPI_tuptable->vals[0],
								  SPI_tuptable->tupdesc, i + 1, &nulls[i]);
	if (nulls[0])
		report_unknown_calendar(name);
	if (DatumGetInt32(values[3]) > MAX_BASE_DEPTH)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_RECURSION),
				 errmsg("calendar \"%s\" has a cycle in its chain of base calendars",
						name),
				 errhint("Set cspi.calendar.base so that no calendar is its own base.")));

	if (!nulls[4])
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("base calendar \"%s\" of calendar \"%s\" does not exist",
						TextDatumGetCString(values[4]), name),
				 errhint("Add it to cspi.calendar, or change the base of the calendars that name it.")));

	mask_text = TextDatumGetCString(values[0]);
	st = cal_parse_weekmask(mask_text, (int) strlen(mask_text), &mask);
	if (st != CAL_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("calendar \"%s\" has an invalid weekmask \"%s\"",
						name, mask_text)));

	/* Copy the result into the cache before SPI_finish frees it. */
	oldcxt = MemoryContextSwitchTo(cache_context);
	entry = palloc0(sizeof(CachedCalendar));
	entry->name = pstrdup(name);
	arr = DatumGetArrayTypeP(values[5]);
	deconstruct_array(arr, DATEOID, sizeof(DateADT), true, TYPALIGN_INT,
					  &elems, NULL, &nelems);
	entry->days = palloc(sizeof(int32) * Max(nelems, 1));
	for (int i = 0; i < nelems; i++)
		entry->days[i] = DatumGetDateADT(elems[i]);
	MemoryContextSwitchTo(oldcxt);

	st = cal_compile(&entry->cal, mask, DatumGetDateADT(values[1]),
					 DatumGetDateADT(values[2]), entry->days, nelems);
	if (st == CAL_BAD_RANGE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("calendar \"%s\" has no dates in common with its base calendars",
						name),
				 errdetail("Its known range runs from %s to %s.",
						   format_date(DatumGetDateADT(values[1])),
						   format_date(DatumGetDateADT(values[2])))));
	else if (st != CAL_OK)
		elog(ERROR, "could not compile calendar \"%s\"", name);
	if (cal_index_entries(&entry->cal) > 0)
		cal_build_index(&entry->cal,
						MemoryContextAlloc(cache_context, sizeof(int32) *
										   cal_index_entries(&entry->cal)));

	SPI_finish();
	return entry;
}

const CachedCalendar *
cspi_calendar_lookup(const char *name)
{
	CachedCalendar *entry;

	reset_cache_if_stale();
	for (entry = cache_head; entry != NULL; entry = entry->next)
	{
		if (strcmp(entry->name, name) == 0)
			return entry;
	}

	PG_TRY();
	{
		entry = load_calendar(name);
	}
	PG_CATCH();
	{
		/* Drop any half-built entry along with everything else. */
		cache_stale = true;
		cspi_calendar_generation++;
		PG_RE_THROW();
	}
	PG_END_TRY();

	entry->next = cache_head;
	cache_head = entry;
	return entry;
}

/*
 * Statement-level trigger on cspi.calendar and cspi.holiday: queue a relcache
 * invalidation so that every backend drops its compiled calendars once the
 * change commits.
 */
PG_FUNCTION_INFO_V1(cspi_calendar_changed);

Datum
cspi_calendar_changed(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("cspi.calendar_changed() must be called as a trigger")));
	CacheInvalidateRelcacheByRelid(RelationGetRelid(trigdata->tg_relation));
	PG_RETURN_POINTER(NULL);
}
