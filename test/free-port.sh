#!/usr/bin/env bash
# free-port.sh: print a local TCP port that no server listens on and no
# PostgreSQL socket uses, for a throwaway cluster.
for port in $(shuf -i 20000-60000 -n 200); do
	[ -e "/var/run/postgresql/.s.PGSQL.$port" ] && continue
	[ -e "/tmp/.s.PGSQL.$port" ] && continue
	(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
	echo "$port"
	exit 0
done
echo "free-port: no free port found" >&2
exit 1
