/*-------------------------------------------------------------------------
 *
 * cspi.c
 *	  Module entry point of cspi, children's social care performance
 *	  indicators in PostgreSQL.
 *
 * Holds PG_MODULE_MAGIC and _PG_init, which registers the callbacks of the
 * calendar cache (relcache invalidation, transaction and subtransaction
 * ends).  Everything else lives in
 * one file per concern: calendar.c and workdays.c (the pure calendar core),
 * calendar_cache.c, calendar_guard.c and workdays_sql.c (its PostgreSQL
 * layer).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"

#include "calendar_cache.h"

/*
 * From PostgreSQL 18 the module also says its name and version, which
 * pg_get_loaded_modules() shows; CSPI_VERSION comes from cspi.control
 * through the Makefile.
 */
#if PG_VERSION_NUM >= 180000
PG_MODULE_MAGIC_EXT(.name = "cspi", .version = CSPI_VERSION);
#else
PG_MODULE_MAGIC;
#endif

void		_PG_init(void);

void
_PG_init(void)
{
	cspi_calendar_cache_init();
}
