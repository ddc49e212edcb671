#!/usr/bin/env bash
# The project's test command: builds every module and runs all tests, including the ones that start real peers as
# local processes on free loopback ports: DICOM (DCMTK wlmscpfs/dcmqrscp/storescu/findscu, Orthanc), PostgreSQL 15
# and ZooKeeper 3.8 (HA polling, shared state), tshark (an independent decoder of our PDUs), xmllint (strict XML).
# A missing peer is installed when running as root, otherwise this fails with the command to run: tests never skip.
# Usage: ./test.sh [extra maven arguments]     e.g. ./test.sh -o -Dtest=PeerHarnessTest -Dsurefire.failIfNoSpecifiedTests=false
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES="dcmtk orthanc postgresql zookeeper tshark libxml2-utils"
missing=()
for bin in findscu wlmscpfs dcmqrscp storescu dump2dcm dcmdump tshark xmllint; do
  command -v "$bin" >/dev/null 2>&1 || missing+=("$bin")
done
[ -x /usr/sbin/Orthanc ] || missing+=("/usr/sbin/Orthanc")
ls /usr/lib/postgresql/15/bin/initdb >/dev/null 2>&1 || missing+=("PostgreSQL 15 (initdb)")
[ -f /usr/share/java/zookeeper.jar ] || missing+=("ZooKeeper (/usr/share/java/zookeeper.jar)")

if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "test.sh: missing DICOM peers (${missing[*]}); installing: apt-get install -y $PACKAGES" >&2
    apt-get update
    # tshark asks whether non-root users may capture: answer no without asking (the tests capture as root)
    echo "wireshark-common wireshark-common/install-setuid boolean false" | debconf-set-selections
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
