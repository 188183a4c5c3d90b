#!/usr/bin/env bash
# One idempotent set-up used by ./run, ./check and .ci/run: system libraries Qt needs, a CJK font,
# the virtual environment in .venv, the package and its dev tools, and compiled translations.
# Safe to run repeatedly: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages Qt's xcb/offscreen plugins load at run time (DESIGN.md §7), a CJK font so no
# Chinese text renders as boxes, and venv support for Debian's own Python.
QT_PACKAGES=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
             libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0
             libxcb-render-util0 libxcb-image0 libxcb-xkb1 fonts-wqy-microhei)

missing_packages() {
  command -v dpkg-query >/dev/null 2>&1 || return 0   # not Debian: nothing we can check
  local p
  for p in "${QT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
  done
}

missing=$(missing_packages | tr '\n' ' ')
if [[ -n "${missing// /}" ]]; then
  if [[ $(id -u) == 0 ]]; then
    echo "setup: installing system packages: $missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
  else
    echo "setup: Qt needs these Debian packages, which are missing:" >&2
    echo "    sudo apt-get install $missing" >&2
    echo "Install them and run this command again." >&2
    exit 1
  fi
fi

PY=${PYTHON:-python3}
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "setup: Python 3.11 or newer is needed (found: $("$PY" --version 2>&1))." >&2
  exit 1
fi

if [[ ! -x .venv/bin/python ]]; then
  if ! "$PY" -m venv .venv 2>/dev/null; then
    if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
      apt-get install -y -qq python3-venv >/dev/null
      rm -rf .venv && "$PY" -m venv .venv
    else
      echo "setup: cannot create .venv; install it with: sudo apt-get install python3-venv" >&2
      exit 1
    fi
  fi
fi

# Reinstall only when the declared dependencies change.
stamp=.venv/.baosong-installed
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [[ ! -f $stamp || $(cat "$stamp") != "$want" ]]; then
  echo "setup: installing Python dependencies into .venv"
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  .venv/bin/python -m pip install -q -e ".[dev]"
  echo "$want" > "$stamp"
fi

# Compile translations (.ts is the committed source; .qm is a build product).
for ts in resources/translations/*.ts; do
  [[ -e $ts ]] || continue
  qm=${ts%.ts}.qm
  if [[ ! -f $qm || $ts -nt $qm ]]; then
    .venv/bin/pyside6-lrelease -silent "$ts" -qm "$qm"
  fi
done
