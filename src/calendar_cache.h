/*-------------------------------------------------------------------------
 *
 * calendar_cache.h
 *	  Per-backend cache of compiled calendars read from cspi.calendar and
 *	  cspi.holiday.
 *
 *-------------------------------------------------------------------------
 */
#ifndef CSPI_CALENDAR_CACHE_H
#define CSPI_CALENDAR_CACHE_H

#include "postgres.h"

#include "calendar.h"

typedef struct CachedCalendar
{
	struct CachedCalendar *next;
	char	   *name;
	Calendar	cal;
	int32	   *days;			/* storage that cal.holidays points into */
} CachedCalendar;

/*
 * Bumped whenever a change to cspi.calendar or cspi.holiday commits (in any
 * backend) or is made in this one.  A CachedCalendar pointer obtained under
 * one generation must not be used under another.
 */
extern uint64 cspi_calendar_generation;

extern void cspi_calendar_cache_init(void);
extern const CachedCalendar *cspi_calendar_lookup(const char *name);

#endif							/* CSPI_CALENDAR_CACHE_H */
