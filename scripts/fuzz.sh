#!/usr/bin/env bash
# Fuzzes every parser of outside input (fuzz/fuzz_targets, one target per parser).
#   bash scripts/fuzz.sh [SECONDS] [TARGET...]   each target for SECONDS (default 3), one core
# Each target first replays its kept regression cases (fuzz/regressions/<target>, every crash
# found so far, fixed), then fuzzes from a corpus seeded from the fixtures (fuzz/seed_corpus.py)
# under a 512 MB allocation cap, so unbounded allocation is a finding too. A finding fails the
# run and its input is left in fuzz/artifacts/<target>/.
# Needs cargo-fuzz (installed when missing); runs on the stable toolchain with RUSTC_BOOTSTRAP=1.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-3}"
shift || true
export RUSTC_BOOTSTRAP=1
fuzz_target_dir="$(realpath -m "${COPYCAT_FUZZ_TARGET_DIR:-${CARGO_TARGET_DIR:-target}/fuzz}")"

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "installing cargo-fuzz" >&2
  cargo install cargo-fuzz --locked
fi

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(cd fuzz && cargo fuzz list)
fi

# No sanitizer: the code under test is safe Rust, so panics (and overflow checks, on in these
# builds) are what we look for; libFuzzer's coverage guidance still applies.
(cd fuzz && cargo fuzz build -s none --target-dir "$fuzz_target_dir")

corpus_root="$(mktemp -d)"
trap 'rm -rf "$corpus_root"' EXIT
python3 fuzz/seed_corpus.py "$corpus_root" >/dev/null

bin_dir="$fuzz_target_dir/x86_64-unknown-linux-gnu/release"
failed=()
for t in "${targets[@]}"; do
  mkdir -p "$corpus_root/$t" "fuzz/artifacts/$t"
  flags=(-rss_limit_mb=2048 -malloc_limit_mb=512 -max_len=65536 -timeout=10 "-artifact_prefix=fuzz/artifacts/$t/")
  if [ -d "fuzz/regressions/$t" ] && [ -n "$(ls -A "fuzz/regressions/$t")" ]; then
    if ! "$bin_dir/$t" "${flags[@]}" fuzz/regressions/"$t"/* >"$corpus_root/$t.regressions.log" 2>&1; then
      echo "FAIL $t: a kept regression case fails again" >&2
      tail -20 "$corpus_root/$t.regressions.log" >&2
      failed+=("$t")
      continue
    fi
  fi
  if "$bin_dir/$t" "${flags[@]}" -max_total_time="$seconds" -print_final_stats=1 "$corpus_root/$t" >"$corpus_root/$t.log" 2>&1; then
    runs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$corpus_root/$t.log" | grep -o '[0-9]*$' || echo '?')"
    echo "ok   $t: $runs runs in ${seconds}s, no finding"
  else
    cp "$corpus_root/$t.log" "fuzz/artifacts/$t/fuzz.log"
    echo "FAIL $t: see fuzz/artifacts/$t/ (libFuzzer's log is fuzz.log there)" >&2
    { grep -E "panicked|ERROR|SUMMARY|deadly signal|==[0-9]+==" "$corpus_root/$t.log" || tail -5 "$corpus_root/$t.log"; } | head -10 >&2
    failed+=("$t")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing found problems in: ${failed[*]}" >&2
  exit 1
fi
