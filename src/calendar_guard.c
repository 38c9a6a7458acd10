/*-------------------------------------------------------------------------
 *
 * calendar_guard.c
 *	  Keep the calendars shipped with cspi as shipped.
 *
 * The rows of cspi.calendar and cspi.holiday that the extension script
 * inserts carry shipped = true, and pg_dump leaves them out of a dump (the
 * extension recreates them).  For that to be safe they must not change
 * outside the extension's own scripts: this trigger refuses an UPDATE or
 * DELETE of a shipped row, an INSERT claiming to be shipped, and a TRUNCATE,
 * unless CREATE EXTENSION or ALTER EXTENSION UPDATE is running.  Councils
 * add rows of their own, or derive their own calendar with a base.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "commands/extension.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "utils/rel.h"

static bool
row_is_shipped(Relation rel, HeapTuple tuple)
{
	int			attnum = SPI_fnumber(RelationGetDescr(rel), "shipped");
	bool		isnull;
	Datum		value;

	if (attnum <= 0)
		elog(ERROR, "table \"%s\" has no column \"shipped\"",
			 RelationGetRelationName(rel));
	value = heap_getattr(tuple, attnum, RelationGetDescr(rel), &isnull);
	return !isnull && DatumGetBool(value);
}

/* Refuse a change to a row shipped with cspi (the same words for both). */
static void
refuse_shipped_change(TriggerEvent event, const char *table)
{
	if (TRIGGER_FIRED_BY_UPDATE(event))
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("cannot update a row of cspi.%s that was shipped with cspi",
						table),
				 errdetail("Shipped rows are restored by the extension, not by pg_dump, so they cannot change."),
				 errhint("Create your own calendar, with base set to a shipped one to inherit its holidays, and add your holidays there.")));
	ereport(ERROR,
			(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
			 errmsg("cannot delete a row of cspi.%s that was shipped with cspi",
					table),
			 errdetail("Shipped rows are restored by the extension, not by pg_dump, so they cannot change."),
			 errhint("Create your own calendar, with base set to a shipped one to inherit its holidays, and add your holidays there.")));
}

PG_FUNCTION_INFO_V1(cspi_calendar_guard);

Datum
cspi_calendar_guard(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	TriggerEvent event;
	Relation	rel;
	const char *table;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("cspi.calendar_guard() must be called as a trigger")));
	event = trigdata->tg_event;

	/*
	 * Only a BEFORE trigger can refuse in time, and only a row trigger sees
	 * the rows; TRUNCATE has no rows, so it is a BEFORE statement trigger.
	 */
	if (!TRIGGER_FIRED_BEFORE(event) ||
		(TRIGGER_FIRED_BY_TRUNCATE(event) ? !TRIGGER_FIRED_FOR_STATEMENT(event)
		 : !TRIGGER_FIRED_FOR_ROW(event)))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("cspi.calendar_guard() must be fired BEFORE each row, or BEFORE TRUNCATE for each statement")));

	rel = trigdata->tg_relation;
	table = RelationGetRelationName(rel);

	/* cspi's own scripts, not another extension's, may change shipped rows. */
	if (creating_extension &&
		CurrentExtensionObject == get_extension_oid("cspi", true))
		return TRIGGER_FIRED_FOR_ROW(event)
			? PointerGetDatum(TRIGGER_FIRED_BY_UPDATE(event)
							  ? trigdata->tg_newtuple : trigdata->tg_trigtuple)
			: PointerGetDatum(NULL);

	if (TRIGGER_FIRED_BY_TRUNCATE(event))
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("cannot truncate cspi.%s", table),
				 errdetail("It holds the calendars shipped with cspi."),
				 errhint("Delete your own rows with DELETE FROM cspi.%s WHERE NOT shipped.",
						 table)));

	if (TRIGGER_FIRED_BY_INSERT(event))
	{
		if (row_is_shipped(rel, trigdata->tg_trigtuple))
			ereport(ERROR,
					(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
					 errmsg("only cspi's own scripts can add rows with shipped = true"),
					 errhint("Leave shipped at its default, false, so that pg_dump keeps your rows.")));
		return PointerGetDatum(trigdata->tg_trigtuple);
	}

	if (row_is_shipped(rel, trigdata->tg_trigtuple) ||
		(TRIGGER_FIRED_BY_UPDATE(event) &&
		 row_is_shipped(rel, trigdata->tg_newtuple)))
		refuse_shipped_change(event, table);

	return PointerGetDatum(TRIGGER_FIRED_BY_UPDATE(event)
						   ? trigdata->tg_newtuple : trigdata->tg_trigtuple);
}
