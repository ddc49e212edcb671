#!/usr/bin/env bash
# Starts one node of the highly available worklist example in the foreground (Ctrl-C or SIGTERM stops it cleanly).
#   examples/worklist-ha/run-node.sh NODE_ID
# Connections come from the environment:
#   DICOMFIND_SCP        worklist SCP as AE@host:port, e.g. WLM@ris.example.org:104
#   DICOMFIND_ZK         ZooKeeper connect string, e.g. zk1:2181,zk2:2181,zk3:2181
#   DICOMFIND_JDBC_URL   e.g. jdbc:postgresql://db.example.org:5432/integration
#   DICOMFIND_JDBC_USER  (DICOMFIND_JDBC_PASSWORD optional, never logged)
#   DICOMFIND_PERIOD     poll period in milliseconds
#   DICOMFIND_STATION    optional: Scheduled Station AE Title to poll (unset: every item)
#   DICOMFIND_DATE       optional: SPS start date or range, e.g. 20261203 or 20261201-20261207 (unset: any date)
#   DICOMFIND_ZK_SESSION_TIMEOUT  optional, ms (default 10000): how long a killed leader keeps leading
# Build once first: mvn -B -q package -pl examples/worklist-ha -am -DskipTests -Dfindscu.cds.skip=true
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ $# -ne 1 ] || [ -z "$1" ]; then
  echo "usage: $0 NODE_ID   (connections from DICOMFIND_* environment variables; see the header of $0)" >&2
  exit 2
fi
cp_file="$here/target/classpath.txt"
# the packaged jar, or the compiled classes (the module's own test runs before packaging)
jar="$(ls "$here"/target/dicomfind-example-worklist-ha-*.jar 2>/dev/null | grep -v -- '-tests.jar' | head -n 1 || true)"
[ -n "$jar" ] || { [ -d "$here/target/classes/io" ] && jar="$here/target/classes"; }
if [ ! -f "$cp_file" ] || [ -z "$jar" ]; then
  echo "$0: not built yet; run: mvn -B -q package -pl examples/worklist-ha -am -DskipTests -Dfindscu.cds.skip=true" >&2
  exit 2
fi
exec java ${DICOMFIND_JAVA_OPTS:--Xmx256m} -cp "$jar:$(cat "$cp_file")" io.dicomfind.examples.ha.WorklistHaNode "$1"
