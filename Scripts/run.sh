#!/usr/bin/env bash
# The two set-up commands of a fresh clone, each installing the system packages it needs first
# (Scripts/setup-system.sh, which says what it installs and does nothing when all is there):
#
#   Scripts/run.sh report [ARGUMENTS...]   builds mandate and runs `mandate report ARGUMENTS`
#   Scripts/run.sh test [ARGUMENTS...]     runs `swift test ARGUMENTS` (what CI runs)
set -euo pipefail
cd "$(dirname "$0")/.."
command="${1:-}"
shift || true
case "$command" in
  report)
    Scripts/setup-system.sh build
    exec swift run mandate report "$@"
    ;;
  test)
    Scripts/setup-system.sh test
    exec swift test "$@"
    ;;
  *)
    echo "usage: Scripts/run.sh report [ARGUMENTS...] | test [ARGUMENTS...]" >&2
    exit 2
    ;;
esac
