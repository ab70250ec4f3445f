#!/usr/bin/env bash
# Regenerates the shipped workspace's record with the tool itself: Events/ from
# Samples/csto-pages/, then Tags/kz-csto-2024.yaml, the sample analyst's decisions on those events,
# then the reports in Reports/.
# The clock is fixed (one minute per decision) so that the result is reproducible; tests
# (ShippedWorkspaceTests, ShippedReportTests) fail when the committed files differ from what this script produces.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/embed-example.sh
swift build --product mandate >/dev/null
mandate=".build/debug/mandate"
export MANDATE_USER="sample analyst"
minute=0
# One minute per decision (in this shell, not a subshell, so that the count goes on).
run() {
  local now
  now="$(printf '2026-11-23T09:%02d:00Z' "$minute")"
  minute=$((minute + 1))
  MANDATE_NOW="$now" "$mandate" "$@"
}

rm -rf Events Tags Reports .mandate
MANDATE_NOW="2026-11-23T09:00:00Z" "$mandate" import Samples/csto-pages

# Evidence, event by event (ids as `mandate events` prints them).
run tag cf54bebc P2.3 --strength material \
  --note "Strategic command and staff training, 12-13 March 2024: a CSTO peacekeeping operation rehearsed, preparing Indestructible Brotherhood-2024 in Kazakhstan."
run tag cf54bebc P2.1 \
  --note "The training worked out the regrouping and deployment of the Collective Peacekeeping Forces; no change to the legal framework reported."
run tag 6239c86d P1.1 \
  --note "Working meeting of the Secretary General with the head of UNAMA, 8 April 2024."
run tag 6306b49e P2.2 --strength material \
  --note "International seminar-meeting of heads of combat and physical training, 8-11 April 2024."
run tag fc81e802 P1.1 --note "UN CTO and UNRCCA took part in the 39th meeting of the Working Group on Afghanistan."
run tag fc81e802 P1.2 --note "CIS ATC, the CIS border troops' coordination service and SCO RATS took part."
run tag 1a9fbebc P1.1 --note "UN Security Council debate on cooperation with the CSTO, the CIS and the SCO, 19 July 2024."
run tag 1a9fbebc P1.2 --note "The same debate put the CSTO beside the CIS and the SCO."
run tag 40ac25fa P1.1 --note "The Secretary General's address at the UN Security Council debate."
run tag 40ac25fa P1.2 --note "The address calls for new mechanisms of UN cooperation with the CSTO, the CIS and the SCO."

# Not evidence: the declaration itself, and news from before the term.
run reject c43d728d P3.1 P4.1 P5.1 --note "The declaration of the priorities, not evidence of progress."
run reject 8d8eb314 P2.3 P2.1 P2.2 --note "December 2021, before the term: background only."
run reject b8add072 P2.1 --note "May 2023, before the term: background only."

# One assessment per item, as of the end of July 2024 (the last news imported).
status() { run status "$1" "$2" --as-of 2024-07-31 --note "$3"; }
status P1.1 in-progress "Working contacts with UNAMA, UNRCCA and UN CTO in April and the UN Security Council debate of 19 July."
status P1.2 in-progress "CIS and SCO bodies joined the Working Group on Afghanistan in April; joint appearance at the UN Security Council in July."
status P2.1 not-yet-rated "No news of documents on deployment or transit of the Collective Forces; the March training only rehearsed a deployment."
status P2.2 in-progress "A seminar-meeting of heads of combat and physical training in April; nothing yet on basic organizations or online courses."
status P2.3 in-progress "A peacekeeping operation rehearsed in March ahead of Indestructible Brotherhood-2024; no news of the Special Representative yet."
for item in P3.1 P3.2 P4.1 P4.2 P5.1 P5.2 P6.1 P6.2 P6.3 P7.1 P7.2; do
  status "$item" not-yet-rated "No news on this item among the pages imported so far."
done
"$mandate" check

# Every quarter of the term and the term itself, as the README shows.
MANDATE_NOW="2026-11-23T10:00:00Z" "$mandate" report --all --output Reports/
