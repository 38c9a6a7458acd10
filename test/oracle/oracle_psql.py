"""
psql for the oracles: run SQL against the server PGHOST/PGPORT/PGUSER name
and return its unaligned, tuples-only output; stop the oracle on an error.

Shared by busday_oracle.py and excel_intl_oracle.py, which compare cspi's
answers with numpy's and LibreOffice's.
"""
import subprocess
import sys


def psql(sql, db):
    out = subprocess.run(
        ["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", db],
        input="SET datestyle = 'ISO, YMD';\n" + sql,
        capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit("psql failed:\n" + out.stderr)
    return out.stdout
