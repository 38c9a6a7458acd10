/*-------------------------------------------------------------------------
 *
 * csv.c
 *	  An RFC 4180 CSV tokenizer.  No PostgreSQL includes: see csv.h.
 *
 * One pass over the text, each byte looked at once: a record's fields are
 * copied, unescaped, into the caller's buffer, and their ends noted in an
 * array that doubles when full, so a line of 200,000 fields costs what
 * 200,000 lines of one field cost.
 *
 * An error names the line of the byte at fault (for a quoted field with no
 * closing quote, the line of its opening quote) and the field's number in
 * its record.
 *
 *-------------------------------------------------------------------------
 */
#include "csv.h"

#include <stdbool.h>


void
csv_init(CsvReader *reader, const char *input, size_t len, char *text,
		 size_t *ends, size_t capacity, CsvGrowFn grow)
{
	reader->input = input;
	reader->len = len;
	reader->pos = 0;
	reader->line = 1;
	reader->record_line = 0;
	reader->nfields = 0;
	reader->text = text;
	reader->ends = ends;
	reader->capacity = ends == NULL ? 0 : capacity;
	reader->grow = grow;
	reader->error_line = 0;
	reader->error_column = 0;

	/* A UTF-8 byte-order mark is not text. */
	if (len >= 3 && (unsigned char) input[0] == 0xEF &&
		(unsigned char) input[1] == 0xBB && (unsigned char) input[2] == 0xBF)
		reader->pos = 3;
}

/* White space, as the [[:space:]] of a regular expression. */
static inline bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
		c == '\f';
}

/* Note that a field ends at text + end. */
static bool
add_end(CsvReader *reader, size_t end)
{
	if (reader->nfields == reader->capacity)
	{
		size_t		capacity = reader->capacity < 16 ? 16 : reader->capacity * 2;
		size_t	   *ends;

		if (capacity > SIZE_MAX / sizeof(size_t))
			return false;
		ends = reader->grow(reader->ends, capacity * sizeof(size_t));
		if (ends == NULL)
			return false;
		reader->ends = ends;
		reader->capacity = capacity;
	}
	reader->ends[reader->nfields++] = end;
	return true;
}

static CsvStatus
fail(CsvReader *reader, CsvStatus status, int64_t line)
{
	reader->error_line = line;
	reader->error_column = (int64_t) reader->nfields + 1;
	/* Nothing more is read: the text is at fault. */
	reader->pos = reader->len;
	return status;
}

CsvStatus
csv_read(CsvReader *reader)
{
	const char *in = reader->input;
	size_t		len = reader->len;
	size_t		pos = reader->pos;
	int64_t		line = reader->line;
	char	   *text = reader->text;

	while (pos < len)
	{
		size_t		out = 0;
		bool		blank = true;	/* every field so far empty or spaces */

		reader->record_line = line;
		reader->nfields = 0;
		for (;;)
		{
			char		c;

			if (pos < len && in[pos] == '"')
			{
				int64_t		opened = line;

				pos++;
				for (;;)
				{
					if (pos >= len)
						return fail(reader, CSV_UNTERMINATED, opened);
					c = in[pos++];
					if (c == '"')
					{
						if (pos < len && in[pos] == '"')
							pos++;	/* a doubled quote: one quote */
						else
							break;	/* the closing quote */
					}
					else if (c == '\n' || (c == '\r' && (pos >= len || in[pos] != '\n')))
						line++;
					if (!is_space(c))
						blank = false;
					text[out++] = c;
				}
				if (pos < len && in[pos] != ',' && in[pos] != '\n' && in[pos] != '\r')
					return fail(reader, CSV_AFTER_QUOTE, line);
			}
			else
			{
				while (pos < len && (c = in[pos]) != ',' && c != '\n' && c != '\r')
				{
					if (c == '"')
						return fail(reader, CSV_STRAY_QUOTE, line);
					if (!is_space(c))
						blank = false;
					text[out++] = c;
					pos++;
				}
			}
			if (!add_end(reader, out))
				return fail(reader, CSV_NO_MEMORY, line);
			if (pos < len && in[pos] == ',')
			{
				pos++;
				continue;
			}
			/* The end of the record: a line end, or the end of the text. */
			if (pos < len)
			{
				if (in[pos] == '\r' && pos + 1 < len && in[pos + 1] == '\n')
					pos++;
				pos++;
				line++;
			}
			break;
		}
		if (!blank)
		{
			reader->pos = pos;
			reader->line = line;
			return CSV_RECORD;
		}
	}
	reader->pos = pos;
	reader->line = line;
	reader->nfields = 0;
	return CSV_END;
}

const char *
csv_status_message(CsvStatus status)
{
	switch (status)
	{
		case CSV_RECORD:
			return "a record";
		case CSV_END:
			return "the end of the text";
		case CSV_UNTERMINATED:
			return "quoted field has no closing quote";
		case CSV_AFTER_QUOTE:
			return "unexpected character after the closing quote of a quoted field";
		case CSV_STRAY_QUOTE:
			return "double quote in a field that is not quoted";
		case CSV_NO_MEMORY:
			return "out of memory";
	}
	return "unknown status";
}
