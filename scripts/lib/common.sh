# Shared by the scripts in scripts/: find the project, install what is missing.
# Source it; do not run it.

AREANEEDS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export AREANEEDS_ROOT

say() { printf '%s\n' "$*" >&2; }

# Installs Debian packages with apt-get (`apt-get update` once, then `apt-get install -y`),
# through sudo when not root. Extra apt-get options first, then `--`, then the packages:
#   apt_install --no-install-recommends -- poppler-utils
apt_install() {
    local options=()
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do options+=("$1"); shift; done
    [ "${1:-}" = "--" ] && shift
    [ $# -eq 0 ] && return 0
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || { say "need root to install $*"; return 1; }
        sudo=(sudo)
    fi
    say "installing $* with apt-get"
    "${sudo[@]}" apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${options[@]}" "$@" >/dev/null
}

# Installs the system C libraries the package links (libcsv, zlib, libxml2, SQLite) when
# their headers are missing, and pkg-config, through which SwiftPM finds libxml2's headers:
# `apt-get update` once, then `apt-get install -y`.
ensure_system_libraries() {
    local missing=()
    [ -f /usr/include/csv.h ] || missing+=(libcsv-dev)
    [ -f /usr/include/zlib.h ] || missing+=(zlib1g-dev)
    [ -f /usr/include/libxml2/libxml/parser.h ] || missing+=(libxml2-dev)
    [ -f /usr/include/sqlite3.h ] || missing+=(libsqlite3-dev)
    command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
    apt_install -- "${missing[@]}"
}

# Checks that a Swift 6 toolchain is on the PATH (or in /opt/swift, where it is here).
ensure_swift() {
    if ! command -v swift >/dev/null 2>&1 && [ -x /opt/swift/usr/bin/swift ]; then
        export PATH="/opt/swift/usr/bin:$PATH"
    fi
    command -v swift >/dev/null 2>&1 || { say "Swift 6 is needed: https://www.swift.org/install/"; return 1; }
}

# Installs Debian's chromium (headless rendering of the report) when no Chromium is on the
# PATH, the same way as the libraries above. Prints the browser's path.
ensure_chromium() {
    local browser
    for browser in chromium chromium-browser google-chrome; do
        if command -v "$browser" >/dev/null 2>&1; then command -v "$browser"; return 0; fi
    done
    apt_install -- chromium || return 1
    command -v chromium
}

# Installs Debian's LibreOffice Calc (without its desktop parts) and poppler-utils
# (pdftoppm) when missing, the same way as the libraries above: for rendering workbooks.
ensure_libreoffice() {
    local missing=()
    command -v libreoffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
    command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
    apt_install --no-install-recommends -- "${missing[@]}"
}
