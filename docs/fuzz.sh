#!/bin/sh
# Fuzzes every inbound decoder in turn with Jazzer, each for FuzzBudget.DURATION (10 minutes); see docs/fuzzing.md.
# Usage: docs/fuzz.sh [target ...]   (default: all six; a target is Class#method as listed below)
set -u
cd "$(dirname "$0")/.."
TARGETS=${*:-"InboundDecodersFuzzTest#mimeInspector InboundDecodersFuzzTest#openPgpOpener InboundDecodersFuzzTest#smimeOpener
InboundDecodersFuzzTest#documentParser NoticeParserFuzzTest#noticeParser DirectoryLoaderFuzzTest#directoryLoader"}
status=0
for t in $TARGETS; do
  echo "== fuzzing $t"
  JAZZER_FUZZ=1 nice mvn -o -B test -Dtest="$t" -Dsurefire.failIfNoSpecifiedTests=false || status=1
done
exit $status
