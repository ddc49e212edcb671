#!/usr/bin/env bash
# The main job: builds the project if needed, starts a DICOM Modality Worklist SCP (DCMTK wlmscpfs, loaded with DCMTK's
# example worklists) on a free loopback port, and runs our findscu-compatible command line against it: the whole
# worklist, then a sequence-key query for CT procedure steps. Stops what it started.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v wlmscpfs >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y dcmtk
  else
    echo "demo.sh: needs DCMTK's wlmscpfs: sudo apt-get install -y dcmtk" >&2
    exit 1
  fi
fi
if ! ls examples/findscu/target/dicomfind-findscu-*.jar >/dev/null 2>&1; then
  mvn -B -q -DskipTests install
fi

work=$(mktemp -d)
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/wl/OFFIS"
for f in /usr/share/doc/dcmtk/examples/wlistdb/OFFIS/*.dump; do
  dump2dcm -q -g "$f" "$work/wl/OFFIS/$(basename "$f" .dump).wl"
done
touch "$work/wl/OFFIS/lockfile"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
  || echo 11112)
TCP_NODELAY=1 wlmscpfs -dfp "$work/wl" -csk "$port" >"$work/wlmscpfs.log" 2>&1 &
pid=$!
for _ in $(seq 50); do (echo >/dev/tcp/127.0.0.1/"$port") 2>/dev/null && break; sleep 0.1; done

echo "== worklist SCP (wlmscpfs) on 127.0.0.1:$port, AE title OFFIS"
echo "== query 1: every scheduled procedure step, patient names and modalities"
examples/findscu/findscu -v -W -aec OFFIS 127.0.0.1 "$port" \
  -k PatientName -k PatientID -k "ScheduledProcedureStepSequence[0].Modality" \
  -k "ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartDate"
echo
echo "== query 2: CT steps only, as DICOM JSON files (-J) in $work/out"
mkdir -p "$work/out"
examples/findscu/findscu -W -aec OFFIS 127.0.0.1 "$port" -J -od "$work/out" \
  -k PatientName -k "(0040,0100)[0].Modality=CT"
ls "$work/out"
cat "$work/out"/rsp0001.json
echo
