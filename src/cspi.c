/*-------------------------------------------------------------------------
 *
 * cspi.c
 *	  Module entry point of cspi, children's social care performance
 *	  indicators in PostgreSQL.
 *
 * Holds PG_MODULE_MAGIC and _PG_init, which registers the relcache
 * callback that keeps the calendar cache coherent.  Everything else lives in
 * one file per concern: calendar.c and workdays.c (the pure calendar core),
 * calendar_cache.c, calendar_guard.c and workdays_sql.c (its PostgreSQL
 * layer).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"

#include "calendar_cache.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

void
_PG_init(void)
{
	cspi_calendar_cache_init();
}
