# Shared by the scripts in scripts/: find the project, install what is missing.
# Source it; do not run it.

AREANEEDS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export AREANEEDS_ROOT

say() { printf '%s\n' "$*" >&2; }

# Installs the system C libraries the package links (libcsv, zlib, libxml2) when their
# headers are missing, and pkg-config, through which SwiftPM finds libxml2's headers:
# `apt-get update` once, then `apt-get install -y`.
ensure_system_libraries() {
    local missing=()
    [ -f /usr/include/csv.h ] || missing+=(libcsv-dev)
    [ -f /usr/include/zlib.h ] || missing+=(zlib1g-dev)
    [ -f /usr/include/libxml2/libxml/parser.h ] || missing+=(libxml2-dev)
    command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || { say "need root to install ${missing[*]}"; return 1; }
        sudo=(sudo)
    fi
    say "installing ${missing[*]} with apt-get"
    "${sudo[@]}" apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
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
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || { say "need root to install chromium"; return 1; }
        sudo=(sudo)
    fi
    say "installing chromium with apt-get"
    "${sudo[@]}" apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq chromium >/dev/null
    command -v chromium
}
