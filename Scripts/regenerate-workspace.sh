#!/usr/bin/env bash
# Regenerates the shipped workspace's derived record from its inputs, with the tool itself:
# Events/ from Samples/csto-pages/. The date is fixed so that the result is reproducible; tests
# (ShippedWorkspaceTests) fail when the committed files differ from what this script produces.
set -euo pipefail
cd "$(dirname "$0")/.."
export MANDATE_NOW="${MANDATE_NOW:-2026-11-23T09:00:00Z}"
swift build --product mandate
mandate=".build/debug/mandate"
rm -rf Events .mandate
"$mandate" import Samples/csto-pages
