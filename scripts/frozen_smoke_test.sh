#!/usr/bin/env bash
# Build the PyInstaller bundle with build.spec and check that it runs: the GUI's --smoke-test and a
# few CLI commands, each on a fresh data directory. Fails on a non-zero exit, a missing module, a
# Qt plugin or font problem, or any traceback in the output or the log; checks the size budget.
#
#   bash scripts/frozen_smoke_test.sh            (./check runs it when BAOSONG_FROZEN=1; CI does)
#
# The build goes to a temporary folder (KEEP_BUNDLE=DIR keeps it there instead), so dist/ and
# build/ in the working tree are left alone.
set -euo pipefail
cd "$(dirname "$0")/.."

BUDGET_MB=${BAOSONG_BUNDLE_BUDGET_MB:-120}
tmp=$(mktemp -d)
out=${KEEP_BUNDLE:-$tmp/out}
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"

# PyInstaller on Linux reads and strips binaries with binutils (readelf, strip, objdump).
if ! command -v readelf >/dev/null || ! command -v strip >/dev/null; then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends binutils >/dev/null
  else
    echo "frozen: building the bundle needs binutils: sudo apt-get install binutils" >&2
    exit 1
  fi
fi

echo "== frozen: building the bundle"
start=$(date +%s)
if ! .venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
    --distpath "$out/dist" --workpath "$tmp/work" build.spec >"$tmp/build.log" 2>&1; then
  cat "$tmp/build.log" >&2
  echo "frozen: the build failed" >&2
  exit 1
fi
bundle=$out/dist/baosong
echo "built in $(($(date +%s) - start)) s: $bundle"

size_mb=$(du -sm "$bundle" | cut -f1)
echo "bundle size: $(du -sh "$bundle" | cut -f1) (budget ${BUDGET_MB} MB)"
if ((size_mb > BUDGET_MB)); then
  echo "frozen: the bundle is ${size_mb} MB, over the ${BUDGET_MB} MB budget" >&2
  du -sm "$bundle"/_internal/* | sort -n | tail -15 >&2
  exit 1
fi

# Whatever a frozen build gets wrong shows up as one of these in the output or the log.
PROBLEMS='Traceback|packet reader process unavailable|ModuleNotFoundError|ImportError|No module named|Could not load the Qt platform plugin|Could not find the Qt platform plugin|qt\.qpa\.plugin|Failed to load|Cannot load library|QFont|Fontconfig (error|warning)|no font for Chinese|WARNING qt|ERROR'

failed=0
check() { # check NAME LOGFILE... — the command already ran; look for problems in its output
  local name=$1
  shift
  local hits
  hits=$(cat "$@" 2>/dev/null | grep -E "$PROBLEMS" || true)
  if [[ -n $hits ]]; then
    echo "FAIL $name: problems in the output:" >&2
    echo "$hits" | head -20 >&2
    failed=1
  fi
}
run() { # run NAME EXPECTED_TEXT COMMAND... — run, require exit 0 and the text in stdout
  local name=$1 expect=$2
  shift 2
  local rc=0
  "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" || rc=$?
  if ((rc != 0)); then
    echo "FAIL $name: exit code $rc" >&2
    cat "$tmp/$name.out" "$tmp/$name.err" >&2
    failed=1
    return
  fi
  if [[ -n $expect ]] && ! grep -q -- "$expect" "$tmp/$name.out"; then
    echo "FAIL $name: '$expect' not in the output" >&2
    cat "$tmp/$name.out" "$tmp/$name.err" >&2
    failed=1
    return
  fi
  check "$name" "$tmp/$name.out" "$tmp/$name.err"
  echo "ok   $name"
}

gui_dir=$tmp/gui-data
cli_dir=$tmp/cli-data
export QT_QPA_PLATFORM=offscreen
export BAOSONG_PASSPHRASE="frozen smoke test passphrase"  # bureau init asks for one otherwise
# A new workspace (migrations, empty window), then a filled one (roster loaded into the table).
run gui-new "startup complete" "$bundle/baosong" --smoke-test --data-dir "$gui_dir"
run cli-version "baosong-cli" "$bundle/baosong-cli" --version
run cli-demo "" "$bundle/baosong-cli" --data-dir "$cli_dir" demo --students 60
run cli-export "" "$bundle/baosong-cli" --data-dir "$cli_dir" roster export "$tmp/roster.xlsx"
run cli-bureau "" "$bundle/baosong-cli" --data-dir "$tmp/bureau-data" bureau init --name 孟津区教育局
run gui-school "startup complete" "$bundle/baosong" --smoke-test --data-dir "$cli_dir"
# Two schools' packets merged in one intake: the second is read in a worker process, which in a
# frozen build is the executable run again (multiprocessing.freeze_support in scripts/entry_*.py).
month=$((10#$(date +%m))) year=$(date +%Y)
if ((month >= 9)); then term="$year-$((year + 1))-1"
elif ((month == 1)); then term="$((year - 1))-$year-1"
else term="$((year - 1))-$year-2"; fi
cli() { "$bundle/baosong-cli" "$@"; }
run cli-bureau-keys "" cli --data-dir "$tmp/bureau-data" bureau export-keys "$tmp/bureau.json"
run cli-demo-2 "" cli --data-dir "$tmp/school2" demo --students 40 --seed 2
for school in "$cli_dir" "$tmp/school2"; do
  n=$(basename "$school")
  run "trust-$n" "" cli --data-dir "$school" school trust-bureau "$tmp/bureau.json"
  run "identity-$n" "" cli --data-dir "$school" school export-identity "$tmp/$n.json"
  run "enroll-$n" "" cli --data-dir "$tmp/bureau-data" bureau enroll "$tmp/$n.json"
  run "packet-$n" "" cli --data-dir "$school" packet export --term "$term" --out "$tmp/$n.bspkt" --anyway
done
run cli-merge '"status": "merged"' cli --data-dir "$tmp/bureau-data" bureau merge \
  "$tmp/cli-data.bspkt" "$tmp/school2.bspkt" --json
if [[ $(grep -o '"status": "merged"' "$tmp/cli-merge.out" | wc -l) != 2 ]]; then
  echo "FAIL cli-merge: not both packets merged" >&2
  cat "$tmp/cli-merge.out" >&2
  failed=1
fi
# A machine without any Chinese font (fontconfig sees one Latin font at most): the bundled font
# must be found, or ui/fonts.py warns "no font for Chinese".
mkdir -p "$tmp/nofont/fonts" "$tmp/nofont/cache"
cp /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf "$tmp/nofont/fonts/" 2>/dev/null || true
cat >"$tmp/nofont/fonts.conf" <<EOF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>$tmp/nofont/fonts</dir><cachedir>$tmp/nofont/cache</cachedir></fontconfig>
EOF
run gui-no-cjk-font "startup complete" env FONTCONFIG_FILE="$tmp/nofont/fonts.conf" \
  "$bundle/baosong" --smoke-test --data-dir "$tmp/nofont-data"
if [[ ! -s $tmp/roster.xlsx ]]; then
  echo "FAIL cli-export: no roster.xlsx written" >&2
  failed=1
fi
check logs "$gui_dir"/logs/*.log "$cli_dir"/logs/*.log "$tmp/bureau-data"/logs/*.log

if ((failed)); then
  echo "frozen smoke test FAILED" >&2
  exit 1
fi
echo "frozen smoke test passed (bundle $(du -sh "$bundle" | cut -f1))"
