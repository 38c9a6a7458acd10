/*-------------------------------------------------------------------------
 *
 * cspi.c
 *	  Module entry point of cspi, children's social care performance
 *	  indicators in PostgreSQL.
 *
 * Holds PG_MODULE_MAGIC and _PG_init, which registers the callbacks of the
 * calendar cache (relcache invalidation, transaction and subtransaction
 * ends) and the setting cspi.council_name.  Everything else lives in
 * one file per concern: calendar.c and workdays.c (the pure calendar core),
 * calendar_cache.c, calendar_guard.c and workdays_sql.c (its PostgreSQL
 * layer).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/guc.h"

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

/*
 * The council's name, which cspi.report_html() puts in the report's header
 * (ALTER DATABASE warehouse SET cspi.council_name = '...').  The SQL side
 * reads it with current_setting(); defining it here documents it (SHOW,
 * pg_settings) once the module is loaded.  The "cspi" prefix is not
 * reserved: the upgrade scripts use transaction-local cspi.* placeholders.
 */
static char *council_name = NULL;

void
_PG_init(void)
{
	cspi_calendar_cache_init();

	DefineCustomStringVariable("cspi.council_name",
							   "The council's name, shown in the header of cspi.report_html().",
							   "Empty: the report names no council.",
							   &council_name,
							   "",
							   PGC_USERSET,
							   0,
							   NULL, NULL, NULL);
}
