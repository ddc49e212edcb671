#!/usr/bin/env bash
# The main job, with nothing to install but Java 17 and Maven: builds what is needed, then runs the demo
# (examples/demo): an embedded C-FIND SCP loaded with the sample worklist and studies plays the RIS and PACS, and
# Camel routes poll today's worklist of a CT scanner and query the PACS for each new patient's earlier studies,
# printing what they do. It ends by itself after 15 s with a summary. No PACS, no DCMTK.
#
#   ./demo.sh                                   # defaults: --duration 15s --poll 2s --late-order 5s --station CT01
#   ./demo.sh --duration 30s --poll 5s
# Files go to examples/demo/target/demo-output (or --output DIR).
set -euo pipefail
cd "$(dirname "$0")"

jar=$(ls examples/demo/target/dicomfind-example-demo-*.jar 2>/dev/null | head -1 || true)
# build when there is no jar yet, or when a source or pom it is built from changed since
if [ -z "$jar" ] || [ -n "$(find pom.xml examples/pom.xml camel-dicom-find/pom.xml camel-dicom-find/src/main dicom-find-core/pom.xml dicom-find-core/src/main \
    dicom-find-testkit/pom.xml dicom-find-testkit/src/main camel-dicom-find/src/generated examples/sample-data examples/demo -newer "$jar" -type f \
    -not -path '*/target/*' 2>/dev/null | head -1)" ]; then
  echo "== building the demo (mvn package -pl examples/demo -am, tests skipped) ..."
  mvn -B -q -Dstyle.color=never -DskipTests package -pl examples/demo -am
  jar=$(ls examples/demo/target/dicomfind-example-demo-*.jar | head -1)
fi

args=("$@")
case " $* " in
  *" --output "*) ;;
  *) args+=(--output examples/demo/target/demo-output) ;;
esac
exec java -jar "$jar" "${args[@]}"
