#!/usr/bin/env bash
# The project's test command: builds every module and runs all tests, including the ones that start real DICOM
# peers (DCMTK wlmscpfs/dcmqrscp/storescu/findscu and Orthanc) as local processes on free loopback ports.
# A missing peer is installed when running as root, otherwise this fails with the command to run: tests never skip.
# Usage: ./test.sh [extra maven arguments]     e.g. ./test.sh -o -Dtest=PeerHarnessTest -Dsurefire.failIfNoSpecifiedTests=false
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES="dcmtk orthanc"
missing=()
for bin in findscu wlmscpfs dcmqrscp storescu dump2dcm dcmdump; do
  command -v "$bin" >/dev/null 2>&1 || missing+=("$bin")
done
[ -x /usr/sbin/Orthanc ] || missing+=("/usr/sbin/Orthanc")

if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "test.sh: missing DICOM peers (${missing[*]}); installing: apt-get install -y $PACKAGES" >&2
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y $PACKAGES
  else
    echo "test.sh: missing DICOM peers: ${missing[*]}" >&2
    echo "test.sh: install them with: sudo apt-get update && sudo apt-get install -y $PACKAGES" >&2
    exit 1
  fi
fi

if ! command -v mvn >/dev/null 2>&1; then
  echo "test.sh: Maven (mvn) not found; install it with: sudo apt-get install -y maven default-jdk-headless" >&2
  exit 1
fi

exec mvn -B verify "$@"
