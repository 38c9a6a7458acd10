/*-------------------------------------------------------------------------
 *
 * csv.h
 *	  An RFC 4180 CSV tokenizer: a file's text to records of fields.
 *
 * The statutory returns (SSDA903) and the DfE's published figures arrive
 * as CSV files; cspi.csv_lines() reads them.  This is its pure core: no
 * PostgreSQL includes, so that it can be unit-tested on its own
 * (test/unit/test_csv.c); src/csv_sql.c is the PostgreSQL layer.
 *
 * The rules (doc/statutory-returns.md):
 *	- fields are separated by commas, records by line ends: LF, CRLF, or a
 *	  CR alone;
 *	- a field that begins with a double quote is quoted: it runs to the next
 *	  double quote that is not doubled, and may hold commas, line ends and
 *	  doubled quotes (one quote each); after its closing quote comes a comma,
 *	  a line end or the end of the text;
 *	- refused, with the line and column: a quoted field with no closing
 *	  quote, anything else after a closing quote, a double quote in a field
 *	  that is not quoted;
 *	- a UTF-8 byte-order mark at the start of the text is dropped;
 *	- a record whose fields are all empty or white space (a blank line, or
 *	  the ",,,," a spreadsheet leaves) is skipped;
 *	- a record is numbered by the physical line it starts on, from 1, so
 *	  that line numbers match an editor's even after a field with a line
 *	  break.
 * Fields are bytes: the separators are ASCII, which no byte of a multibyte
 * character in any PostgreSQL server encoding can be.  Time and memory are
 * linear in the length of the text.
 *
 *-------------------------------------------------------------------------
 */
#ifndef CSPI_CSV_H
#define CSPI_CSV_H

#include <stddef.h>
#include <stdint.h>

typedef enum CsvStatus
{
	CSV_RECORD = 0,				/* a record was read */
	CSV_END,					/* no more records */
	CSV_UNTERMINATED,			/* a quoted field has no closing quote */
	CSV_AFTER_QUOTE,			/* something other than a comma or a line
								 * end after a closing quote */
	CSV_STRAY_QUOTE,			/* a double quote in a field not quoted */
	CSV_NO_MEMORY				/* the grow function returned NULL */
} CsvStatus;

/*
 * Grows the array of field ends: like realloc(ptr, size), ptr NULL at first.
 * The PostgreSQL layer passes a wrapper of repalloc; the tests, realloc.
 */
typedef void *(*CsvGrowFn) (void *ptr, size_t size);

typedef struct CsvReader
{
	/* the text, and where the reader is */
	const char *input;
	size_t		len;
	size_t		pos;
	int64_t		line;			/* physical line of input[pos], from 1 */

	/* the record csv_read() last read */
	int64_t		record_line;	/* the physical line it starts on */
	size_t		nfields;		/* at least 1 after CSV_RECORD */
	char	   *text;			/* its fields, unescaped, one after another */
	size_t	   *ends;			/* field i ends at text + ends[i] */
	size_t		capacity;		/* of ends */
	CsvGrowFn	grow;

	/* after an error: where it is (column = the field's number, from 1) */
	int64_t		error_line;
	int64_t		error_column;
} CsvReader;

/*
 * Start reading input[0 .. len - 1].  text must have room for len bytes
 * (a record's fields, unescaped, are never longer than the text); ends may
 * be NULL, with capacity 0, or an array of capacity field ends, and grows
 * through grow as needed (the caller frees it).
 */
extern void csv_init(CsvReader *reader, const char *input, size_t len,
					 char *text, size_t *ends, size_t capacity,
					 CsvGrowFn grow);

/*
 * Read the next record that is not empty: CSV_RECORD, with record_line,
 * nfields and the fields set; CSV_END at the end of the text; or an error,
 * with error_line and error_column set.  After an error, stop reading.
 */
extern CsvStatus csv_read(CsvReader *reader);

/* Field i (from 0) of the record just read, and its length in bytes. */
static inline const char *
csv_field(const CsvReader *reader, size_t i, size_t *len)
{
	size_t		start = i == 0 ? 0 : reader->ends[i - 1];

	*len = reader->ends[i] - start;
	return reader->text + start;
}

/* What an error status means, in a few words: "quoted field has no ..." */
extern const char *csv_status_message(CsvStatus status);

#endif							/* CSPI_CSV_H */
