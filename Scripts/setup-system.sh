#!/usr/bin/env bash
# Installs the Debian packages mandate needs, and only those that are missing, saying which.
#
#   Scripts/setup-system.sh build   what `swift build` and `swift run mandate` need
#   Scripts/setup-system.sh test    that, and what the tests need (the default)
#   Scripts/setup-system.sh --check the same lists, installing nothing (exit 1 if anything is missing)
#
# THE list of system packages: to add one, add a line below (used-by, package, a file that exists
# once it is installed, why). Nothing else in the repository names a Debian package.
set -euo pipefail

packages=(
  # used-by package           installed when this exists                  why
  "build   libsqlite3-dev     /usr/include/sqlite3.h                      GRDB links the system SQLite (FTS5)"
  "build   libxml2-dev        /usr/include/libxml2/libxml/HTMLparser.h    reading HTML pages (libxml2's parser)"
  "build   libstemmer-dev     /usr/include/libstemmer.h                   stemming (Snowball)"
  "build   zlib1g-dev         /usr/include/zlib.h                         gzip for the kept bodies of fetched sources"
  "test    chromium           /usr/bin/chromium                           browser tests"
  "test    chromium-driver    /usr/bin/chromedriver                       browser tests (selenium's driver)"
)
# Python modules the tests use (pip), in the same form: used-by, module, why.
python_modules=(
  "test    selenium           browser tests"
)

want="test"
check_only=false
for argument in "$@"; do
  case "$argument" in
    build | test) want="$argument" ;;
    --check) check_only=true ;;
    *) echo "usage: $0 [build|test] [--check]" >&2; exit 2 ;;
  esac
done

missing=()
for line in "${packages[@]}"; do
  read -r used package file why <<<"$line"
  [ "$want" = build ] && [ "$used" != build ] && continue
  if [ ! -e "$file" ]; then
    missing+=("$package")
    echo "setup: $package is missing ($why)" >&2
  fi
done
missing_python=()
for line in "${python_modules[@]}"; do
  read -r used module why <<<"$line"
  [ "$want" = build ] && [ "$used" != build ] && continue
  if ! python3 -c "import $module" >/dev/null 2>&1; then
    missing_python+=("$module")
    echo "setup: python module $module is missing ($why)" >&2
  fi
done

if [ ${#missing[@]} -eq 0 ] && [ ${#missing_python[@]} -eq 0 ]; then exit 0; fi
if $check_only; then exit 1; fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "setup: not root and no sudo: install them with apt-get install ${missing[*]} ${missing_python[*]}" >&2
    exit 1
  fi
fi
# pip itself, when Python modules are wanted and there is no pip.
if [ ${#missing_python[@]} -gt 0 ] && ! python3 -m pip --version >/dev/null 2>&1; then missing+=(python3-pip); fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]} with apt-get" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if [ ${#missing_python[@]} -gt 0 ]; then
  echo "setup: installing ${missing_python[*]} with pip" >&2
  python3 -m pip install --quiet --disable-pip-version-check --break-system-packages "${missing_python[@]}" 2>/dev/null \
    || python3 -m pip install --quiet --disable-pip-version-check "${missing_python[@]}"
fi
