#!/usr/bin/env bash
# Whole-process timings of the release binary on generated corpora (see BENCHMARKS.md).
#
#   scripts/bench-process.sh [CORPUS_DIR]
#
# Builds the release binary, writes the corpora into CORPUS_DIR (a temporary directory if not
# given; reused if it already holds them) with the `load` bench's generator, then times:
#   - `cat` of the 10,000 articles, for scale, and `--json` over them (best of 3; peak RSS);
#   - the first screen (`--screenshot --size 250x70`) of the 10,000 articles, the 50 MB file and
#     the 5 MB line;
#   - per key: 10,200 keys (<PageDown> G <PageUp> g) on a 2 MB and on a 4 KB article, minus the
#     same run with no keys, divided by the number of keys.
# Honours CARGO_TARGET_DIR. Needs GNU time at /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."

target=${CARGO_TARGET_DIR:-target}
cargo build --release --quiet
bin="$target/release/cyberreader"

dir=${1:-$(mktemp -d)}
if [ ! -d "$dir/10k" ]; then
    echo "writing corpora into $dir ..." >&2
    BENCH_WRITE_CORPUS="$dir" cargo bench --quiet --bench load >/dev/null
fi

# Best wall time of three runs, in seconds, of the command given (output discarded).
best3() {
    local best="" t
    for _ in 1 2 3; do
        local start end
        start=$(date +%s.%N)
        if ! "$@" >/dev/null 2>&1; then
            echo "failed"
            return
        fi
        end=$(date +%s.%N)
        t=$(echo "$end - $start" | bc -l)
        if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
    done
    printf '%.3f' "$best"
}

# Peak RSS in MB of one run of the command given.
peak_mb() {
    /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1 | awk '{ printf "%.1f", $1 / 1024 }'
}

mb() { du -sb "$1" | awk '{ printf "%.1f", $1 / 1e6 }'; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $(rustc --version)"
echo
echo "| measurement | corpus | wall (best of 3) | peak RSS |"
echo "|---|---|---|---|"
files=("$dir"/10k/*.txt)
echo "| cat | 10,000 files, $(mb "$dir/10k") MB | $(best3 cat "${files[@]}") s | $(peak_mb cat "${files[@]}") MB |"
for corpus in 10k big line; do
    echo "| --json | $corpus ($(mb "$dir/$corpus") MB) | $(best3 "$bin" --json "$dir/$corpus") s | $(peak_mb "$bin" --json "$dir/$corpus") MB |"
done
for corpus in 10k big line; do
    echo "| --screenshot --size 250x70 (first screen) | $corpus ($(mb "$dir/$corpus") MB) | $(best3 "$bin" --screenshot --size 250x70 "$dir/$corpus") s | $(peak_mb "$bin" --screenshot --size 250x70 "$dir/$corpus") MB |"
done
echo
echo "JSON size for 10k: $("$bin" --json "$dir/10k" 2>/dev/null | wc -c | awk '{ printf "%.1f MB", $1 / 1e6 }')"
echo

# Per key: <Tab> to the article, then rounds of <PageDown>x50 G <PageUp>x50 g.
# 10,200 keys: about 100 KB of --keys, under the 128 KB limit on one argument.
rounds=100
round=""
for _ in $(seq 50); do round+="<PageDown>"; done
round+="G"
for _ in $(seq 50); do round+="<PageUp>"; done
round+="g"
keys="<Tab>"
for _ in $(seq "$rounds"); do keys+="$round"; done
n=$((rounds * 102))
echo "| per key ($n keys: <PageDown>x50 G <PageUp>x50 g, repeated) | size | run with keys | run with <Tab> only | per key |"
echo "|---|---|---|---|---|"
for corpus in small large; do
    for size in 120x40 250x70; do
        with=$(best3 "$bin" --screenshot --size "$size" --keys "$keys" "$dir/$corpus")
        without=$(best3 "$bin" --screenshot --size "$size" --keys "<Tab>" "$dir/$corpus")
        per=$(echo "($with - $without) / $n * 1000000" | bc -l)
        printf '| %s (%s KB) | %s | %s s | %s s | %.1f µs |\n' "$corpus" "$(cat "$dir/$corpus"/*.txt | wc -c | awk '{ printf "%d", $1 / 1024 }')" "$size" "$with" "$without" "$per"
    done
done
