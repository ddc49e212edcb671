#!/usr/bin/env bash
# Runs every benchmark side by side against the same SCP and writes examples/benchmarks/results.md
# (see docs/performance.md). Needs DCMTK (findscu, dcmqrscp, storescu, dump2dcm) and Orthanc for the reference rows.
#   examples/benchmarks/run.sh                 # everything, 5 runs per case, then the JMH decoder benchmarks
#   RUNS=7 SECTIONS=throughput,latency examples/benchmarks/run.sh
#   SECTIONS=pool examples/benchmarks/run.sh   # 1f: the association pool against findscu --repeat
#   SKIP_BUILD=1 SKIP_JMH=1 examples/benchmarks/run.sh
#   MODES=default,verbose SECTIONS=throughput examples/benchmarks/run.sh   # only the log modes of 1a
# Environment: RUNS (5), SECTIONS (throughput,component,latency,memory,pool,reference), MODES (files,quiet,default,
# verbose: the output modes of 1a), MVN_FLAGS (-q -B), OUT.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${OUT:-$here/results.md}"
java="java"
if [ -n "${JAVA_HOME:-}" ]; then java="$JAVA_HOME/bin/java"; fi

if [ -z "${SKIP_BUILD:-}" ]; then
  # verify, never install: the jars stay in the targets (the local repository may be shared)
  (cd "$root" && mvn ${MVN_FLAGS:--q -B} -DskipTests verify -pl examples/findscu,examples/benchmarks -am)
fi
jar="$here/target/dicomfind-benchmarks.jar"

"$java" -jar "$jar" --root "$root" --runs "${RUNS:-5}" --out "$out" \
  --sections "${SECTIONS:-throughput,component,latency,memory,pool,reference}" \
  --modes "${MODES:-files,quiet,default,verbose}"

if [ -z "${SKIP_JMH:-}" ]; then
  jmh="$here/target/jmh.txt"
  # 1e: DataSetReader and the PDU/DIMSE receive path; 1 fork, 3 x 1 s warm-up, 5 x 1 s measurement
  "$java" -cp "$jar:$here/target/lib/*" org.openjdk.jmh.Main DecoderBenchmarks -rf text -rff "$jmh" >/dev/null
  {
    echo "## 1e. JMH decoder micro-benchmarks (average time per operation)"
    echo
    echo '```'
    cat "$jmh"
    echo '```'
  } >> "$out"
  tail -n +1 "$jmh"
fi
echo "results: $out"
