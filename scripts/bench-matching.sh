#!/usr/bin/env bash
# Subscription matching at scale: ns and bytes allocated per match, heap per subscription, for indexes of
# 1, 10,000 and 1,000,000 subscriptions (or the sizes given as arguments). See docs/performance.md.
#   scripts/bench-matching.sh                 # 1 to 2 minutes
#   scripts/bench-matching.sh 1000 100000     # other sizes
#   MVN_ARGS=-o scripts/bench-matching.sh     # Maven offline
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck disable=SC2086 # MVN_ARGS holds several options
mvn -B -q ${MVN_ARGS:-} -pl domain test-compile
exec java ${BENCH_JAVA_OPTS:--Xms3g -Xmx3g} -cp domain/target/classes:domain/target/test-classes \
  io.culex.domain.topic.MatchingBenchmark "$@"
