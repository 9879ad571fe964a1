#!/bin/sh
# Install FunnelFlow from this unpacked folder, or remove it again.
#
#   ./install.sh                    for you only: ~/.local (no root needed)
#   sudo ./install.sh               for everyone: /usr/local
#   ./install.sh --prefix DIR       anywhere: DIR/lib/funnelflow, DIR/bin, DIR/share
#   ./install.sh --uninstall        remove it (same --prefix as when installing)
#
# Puts the program in PREFIX/lib/funnelflow, a `funnelflow` command in PREFIX/bin, and the
# menu entry, icons, AppStream metadata and the diagram file type in PREFIX/share, so that
# double-clicking a .funnelflow.yaml file opens FunnelFlow. Plain POSIX sh: no bash needed.
set -eu

APP_ID=io.github.funnelflow.FunnelFlow
HERE=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)

if [ "$(id -u)" = 0 ]; then prefix=/usr/local; else prefix="$HOME/.local"; fi
action=install
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) prefix=${2:?--prefix needs a folder}; shift 2 ;;
        --prefix=*) prefix=${1#--prefix=}; shift ;;
        --uninstall) action=uninstall; shift ;;
        -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
done

lib="$prefix/lib/funnelflow"
bin="$prefix/bin"
share="$prefix/share"

# Caches that desktops read; absent tools just mean a desktop that does not need them.
refresh_caches() {
    if command -v update-mime-database >/dev/null 2>&1; then
        update-mime-database "$share/mime" >/dev/null 2>&1 || true
    fi
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database "$share/applications" >/dev/null 2>&1 || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$share/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t -f "$share/icons/hicolor" >/dev/null 2>&1 || true
    fi
}

# Every file this script puts in share/, relative to share/ (the bundle's own share/ folder
# has exactly this layout).
shared_files() {
    (cd "$HERE/share" && find . -type f | sed 's|^\./||')
}

if [ "$action" = uninstall ]; then
    shared_files | while IFS= read -r file; do rm -f "$share/$file"; done
    # Only our own link: never delete someone else's `funnelflow` (e.g. a pip install).
    if [ -L "$bin/funnelflow" ] && [ "$(readlink "$bin/funnelflow")" = "$lib/funnelflow" ]; then
        rm -f "$bin/funnelflow"
    fi
    case "$HERE" in "$lib") cd / ;; esac  # running the installed copy: step out before removing it
    rm -rf "$lib"
    refresh_caches
    echo "FunnelFlow removed from $prefix"
    exit 0
fi

if [ ! -x "$HERE/funnelflow" ] || [ ! -d "$HERE/share" ]; then
    echo "install.sh: run me from the unpacked FunnelFlow folder (funnelflow and share/ next to me)" >&2
    exit 2
fi

if [ "$HERE" != "$lib" ]; then
    rm -rf "$lib"
    mkdir -p "$lib"
    cp -R "$HERE/." "$lib/"
fi
mkdir -p "$bin"
ln -sf "$lib/funnelflow" "$bin/funnelflow"

shared_files | while IFS= read -r file; do
    mkdir -p "$(dirname "$share/$file")"
    cp "$HERE/share/$file" "$share/$file"
done
# The menu entry must find the program even when PREFIX/bin is not on the desktop's PATH.
desktop="$share/applications/$APP_ID.desktop"
sed "s|^Exec=funnelflow |Exec=\"$lib/funnelflow\" |" "$HERE/share/applications/$APP_ID.desktop" >"$desktop"

refresh_caches
echo "FunnelFlow installed in $lib"
case ":$PATH:" in
    *":$bin:"*) echo "Run it from the applications menu, or type: funnelflow" ;;
    *) echo "Run it from the applications menu, or type: $bin/funnelflow" ;;
esac
