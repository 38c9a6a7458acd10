/*-------------------------------------------------------------------------
 *
 * calendar_cache.c
 *	  Per-backend cache of compiled calendars: each statement sees the
 *	  calendar as of its snapshot, as a join to cspi.holiday would.
 *
 * Every change to cspi.calendar or cspi.holiday fires a statement trigger
 * (cspi.calendar_changed, ENABLE ALWAYS so that replication apply and
 * replica-role sessions fire it too) that sets the single row of
 * cspi.calendar_version to a fresh value of a sequence.  Changes to the
 * calendars are thereby serialised on that row, so the version a snapshot
 * sees names exactly the calendar contents it sees.  A compiled calendar is
 * cached under its name and that version: a statement reads the version row
 * with its own snapshot (a one-row heap scan, once per statement and call
 * site, not per row), and reuses the compiled calendar when one with that
 * version is cached, or reads the calendar with the same snapshot and
 * compiles it.  So under READ COMMITTED the next statement sees a committed
 * change, under REPEATABLE READ the whole transaction sees its snapshot's
 * calendar, a rolled-back change is never seen, and parallel workers, which
 * run with their leader's snapshot, see what the leader sees.
 *
 * A call site pins the entry it uses (refcount), and releases it when its
 * memory goes (a reset callback on fn_mcxt), so a statement never sees two
 * versions even when a change commits meanwhile.  The trigger also sends a
 * relcache invalidation of the table; the callback registered here then
 * drops every cached calendar (pinned ones once unpinned), which keeps the
 * cache small and covers changes made with the triggers disabled.
 *
 * Nothing here resolves a name through the caller's search_path: the
 * queries name every function and operator with its schema.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "calendar_cache.h"

#include "access/table.h"
#include "access/tableam.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "executor/tuptable.h"
#include "fmgr.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"

uint64		cspi_transaction_serial = 1;

static CachedCalendar *cache_head = NULL;
static Oid	calendar_relid = InvalidOid;
static Oid	holiday_relid = InvalidOid;
static bool relids_known = false;

/* Cached calendars kept when nothing pins them. */
#define MAX_UNPINNED_ENTRIES 8

static void
free_entry(CachedCalendar *entry)
{
	MemoryContextDelete(entry->context);
}

/* Take every entry out of the cache; unpinned ones go now. */
static void
drop_all_entries(void)
{
	CachedCalendar *entry = cache_head;

	cache_head = NULL;
	while (entry != NULL)
	{
		CachedCalendar *next = entry->next;

		entry->dead = true;
		entry->next = NULL;
		if (entry->refcount == 0)
			free_entry(entry);
		entry = next;
	}
}

static void
calendar_relcache_callback(Datum arg, Oid relid)
{
	if (relid == InvalidOid || !relids_known ||
		relid == calendar_relid || relid == holiday_relid)
	{
		drop_all_entries();
		relids_known = false;
	}
}

static void
calendar_xact_callback(XactEvent event, void *arg)
{
	cspi_transaction_serial++;
}

static void
calendar_subxact_callback(SubXactEvent event, SubTransactionId mySubid,
						  SubTransactionId parentSubid, void *arg)
{
	if (event == SUBXACT_EVENT_ABORT_SUB)
		cspi_transaction_serial++;
}

void
cspi_calendar_cache_init(void)
{
	CacheRegisterRelcacheCallback(calendar_relcache_callback, (Datum) 0);
	RegisterXactCallback(calendar_xact_callback, NULL);
	RegisterSubXactCallback(calendar_subxact_callback, NULL);
}

Snapshot
cspi_calendar_snapshot(void)
{
	if (ActiveSnapshotSet())
		return GetActiveSnapshot();
	return GetTransactionSnapshot();
}

static void
remember_relids(void)
{
	Oid			nsp;

	if (relids_known)
		return;
	nsp = get_namespace_oid("cspi", false);
	calendar_relid = get_relname_relid("calendar", nsp);
	holiday_relid = get_relname_relid("holiday", nsp);
	relids_known = true;
}

/*
 * The version of the calendar tables that snap sees: the value in the one
 * row of cspi.calendar_version, or -1 when there is no such table (the
 * module is newer than the extension's SQL objects: ALTER EXTENSION cspi
 * UPDATE has not run yet), which makes every new snapshot read the calendar
 * afresh.  The row is read directly, without SPI and without a privilege
 * check, as a catalog would be.
 */
static int64
calendar_version(Snapshot snap)
{
	Oid			relid;
	Relation	rel;
	TableScanDesc scan;
	TupleTableSlot *slot;
	int64		version = -1;

	relid = get_relname_relid("calendar_version",
							  get_namespace_oid("cspi", false));
	if (!OidIsValid(relid))
		return -1;
	rel = table_open(relid, AccessShareLock);
	slot = table_slot_create(rel, NULL);
	scan = table_beginscan(rel, snap, 0, NULL);
	if (table_scan_getnextslot(scan, ForwardScanDirection, slot))
	{
		bool		isnull;
		Datum		d = slot_getattr(slot, 1, &isnull);

		if (!isnull)
			version = DatumGetInt64(d);
	}
	table_endscan(scan);
	ExecDropSingleTupleTableSlot(slot);
	table_close(rel, AccessShareLock);
	return version;
}

static const char *
format_date(int32 day)
{
	return DatumGetCString(DirectFunctionCall1(date_out,
											   DateADTGetDatum(day)));
}

/* Error for a calendar that is not in cspi.calendar, naming those that are. */
static void
report_unknown_calendar(const char *name, Snapshot snap)
{
	char	   *known = NULL;
	bool		isnull = true;
	SPIPlanPtr	plan;

	plan = SPI_prepare("SELECT pg_catalog.string_agg(name, ', ' ORDER BY name)"
					   " FROM cspi.calendar", 0, NULL);
	if (plan != NULL &&
		SPI_execute_snapshot(plan, NULL, NULL, snap, InvalidSnapshot,
							 true, false, 1) == SPI_OK_SELECT &&
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

/*
 * The calendar, its chain of base calendars and their holidays, as snap
 * sees them.  The chain stops at the first calendar met twice (a cycle,
 * reported as an error), however long it is.  Every function and operator
 * is named with its schema, so the caller's search_path plays no part.
 */
static const char *calendar_query =
"WITH RECURSIVE chain (name, base, weekmask, first_date, last_date, path,"
"                      is_cycle) AS ("
"  SELECT c.name, c.base, c.weekmask, c.first_date, c.last_date,"
"         ARRAY[c.name], false"
"    FROM cspi.calendar c WHERE c.name OPERATOR(pg_catalog.=) $1"
"  UNION ALL"
"  SELECT c.name, c.base, c.weekmask, c.first_date, c.last_date,"
"         chain.path OPERATOR(pg_catalog.||) c.name,"
"         c.name OPERATOR(pg_catalog.=) ANY (chain.path)"
"    FROM chain JOIN cspi.calendar c"
"      ON c.name OPERATOR(pg_catalog.=) chain.base"
"   WHERE NOT chain.is_cycle"
") "
"SELECT (SELECT weekmask FROM chain"
"         WHERE pg_catalog.cardinality(path) OPERATOR(pg_catalog.=) 1),"
"       (SELECT pg_catalog.max(first_date) FROM chain WHERE NOT is_cycle),"
"       (SELECT pg_catalog.min(last_date) FROM chain WHERE NOT is_cycle),"
"       (SELECT pg_catalog.string_agg(name, ' -> ' ORDER BY"
"               pg_catalog.cardinality(path)) FROM chain"
"         WHERE (SELECT pg_catalog.bool_or(is_cycle) FROM chain)),"
"       (SELECT pg_catalog.min(chain.base) FROM chain"
"         WHERE chain.base IS NOT NULL AND NOT chain.is_cycle"
"           AND NOT EXISTS (SELECT 1 FROM cspi.calendar c"
"                            WHERE c.name OPERATOR(pg_catalog.=) chain.base)),"
"       ARRAY(SELECT h.holiday_date FROM cspi.holiday h JOIN chain"
"               ON h.calendar OPERATOR(pg_catalog.=) chain.name"
"              WHERE NOT chain.is_cycle)";

/* Read and compile calendar name as snap sees it, into a new entry. */
static void
load_calendar(CachedCalendar *entry, Snapshot snap)
{
	const char *name = entry->name;
	Oid			argtypes[1] = {TEXTOID};
	Datum		args[1];
	SPIPlanPtr	plan;
	Datum		values[6];
	bool		nulls[6];
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
	plan = SPI_prepare(calendar_query, 1, argtypes);
	if (plan == NULL)
		elog(ERROR, "could not prepare the calendar query: %s",
			 SPI_result_code_string(SPI_result));
	if (SPI_execute_snapshot(plan, args, NULL, snap, InvalidSnapshot,
							 true, false, 1) != SPI_OK_SELECT ||
		SPI_processed != 1)
		elog(ERROR, "could not read calendar \"%s\"", name);
	for (int i = 0; i < 6; i++)
		values[i] = SPI_getbinval(SPI_tuptable->vals[0],
								  SPI_tuptable->tupdesc, i + 1, &nulls[i]);
	if (nulls[0])
		report_unknown_calendar(name, snap);
	if (!nulls[3])
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_RECURSION),
				 errmsg("calendar \"%s\" has a cycle in its chain of base calendars",
						name),
				 errdetail("The chain is %s.", TextDatumGetCString(values[3])),
				 errhint("Set cspi.calendar.base so that no calendar is its own base, directly or through others.")));
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

	/* Copy the result into the entry before SPI_finish frees it. */
	oldcxt = MemoryContextSwitchTo(entry->context);
	arr = DatumGetArrayTypeP(values[5]);
	deconstruct_array(arr, DATEOID, sizeof(DateADT), true, TYPALIGN_INT,
					  &elems, NULL, &nelems);
	entry->days = palloc(sizeof(int32) * Max(nelems, 1));
	for (int i = 0; i < nelems; i++)
		entry->days[i] = DatumGetDateADT(elems[i]);
	/* Compiling drops the holidays on days off; the .INTL twins need them. */
	entry->all_days = palloc(sizeof(int32) * Max(nelems, 1));
	memcpy(entry->all_days, entry->days, sizeof(int32) * nelems);
	entry->nall_days = nelems;
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
						MemoryContextAlloc(entry->context, sizeof(int32) *
										   cal_index_entries(&entry->cal)));

	SPI_finish();
}

/* Free unpinned entries beyond the first few, the least recently used last. */
static void
trim_cache(void)
{
	int			unpinned = 0;
	CachedCalendar **link = &cache_head;

	while (*link != NULL)
	{
		CachedCalendar *entry = *link;

		if (entry->refcount == 0 && ++unpinned > MAX_UNPINNED_ENTRIES)
		{
			*link = entry->next;
			free_entry(entry);
			continue;
		}
		link = &entry->next;
	}
}

void
cspi_calendar_release(CachedCalendar *entry)
{
	Assert(entry->refcount > 0);
	if (--entry->refcount == 0 && entry->dead)
		free_entry(entry);
}

CachedCalendar *
cspi_calendar_acquire(const char *name, Snapshot snap, CachedCalendar *current)
{
	int64		version;
	CachedCalendar **link;
	CachedCalendar *entry;
	MemoryContext context;

	remember_relids();
	version = calendar_version(snap);

	if (current != NULL && !current->dead && version >= 0 &&
		current->version == version && strcmp(current->name, name) == 0)
		return current;

	/* A cached entry of this version, moved to the front. */
	entry = NULL;
	if (version >= 0)
	{
		for (link = &cache_head; *link != NULL; link = &(*link)->next)
		{
			if ((*link)->version == version &&
				strcmp((*link)->name, name) == 0)
			{
				entry = *link;
				*link = entry->next;
				break;
			}
		}
	}

	if (entry == NULL)
	{
		context = AllocSetContextCreate(CacheMemoryContext,
										"cspi calendar",
										ALLOCSET_SMALL_SIZES);
		entry = MemoryContextAllocZero(context, sizeof(CachedCalendar));
		entry->context = context;
		entry->name = MemoryContextStrdup(context, name);
		entry->version = version;
		PG_TRY();
		{
			load_calendar(entry, snap);
		}
		PG_CATCH();
		{
			MemoryContextDelete(context);
			PG_RE_THROW();
		}
		PG_END_TRY();
	}

	/*
	 * Loading may have processed invalidations, which drop the cache; the
	 * new entry is still right for its version, so it goes in afterwards.
	 */
	entry->next = cache_head;
	cache_head = entry;
	entry->refcount++;
	if (current != NULL)
		cspi_calendar_release(current);
	trim_cache();
	return entry;
}

/*
 * Statement-level trigger on cspi.calendar and cspi.holiday, run as the
 * extension's owner (SECURITY DEFINER): sets cspi.calendar_version to a new
 * value, so that snapshots that see this change see a new version, and
 * queues a relcache invalidation of the table, so that every backend drops
 * its compiled calendars once the change commits.
 */
PG_FUNCTION_INFO_V1(cspi_calendar_changed);

Datum
cspi_calendar_changed(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	Oid			nsp;
	Oid			relid;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("cspi.calendar_changed() must be called as a trigger")));
	if (!TRIGGER_FIRED_AFTER(trigdata->tg_event) ||
		!TRIGGER_FIRED_FOR_STATEMENT(trigdata->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("cspi.calendar_changed() must be fired AFTER each statement")));

	/* It runs as the extension's owner: only for cspi's two tables. */
	nsp = get_namespace_oid("cspi", false);
	relid = RelationGetRelid(trigdata->tg_relation);
	if (relid != get_relname_relid("calendar", nsp) &&
		relid != get_relname_relid("holiday", nsp))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("cspi.calendar_changed() must be fired by cspi.calendar or cspi.holiday")));

	CacheInvalidateRelcacheByRelid(relid);

	/* Absent before ALTER EXTENSION cspi UPDATE to 1.1. */
	if (OidIsValid(get_relname_relid("calendar_version", nsp)))
	{
		if (SPI_connect() != SPI_OK_CONNECT)
			elog(ERROR, "SPI_connect failed");
		if (SPI_execute("UPDATE cspi.calendar_version"
						"   SET version = pg_catalog.nextval('cspi.calendar_version_seq'::pg_catalog.regclass)",
						false, 0) != SPI_OK_UPDATE)
			elog(ERROR, "could not update cspi.calendar_version");
		SPI_finish();
	}
	PG_RETURN_POINTER(NULL);
}
