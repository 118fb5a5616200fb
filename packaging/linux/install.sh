#!/bin/sh
# Installs this unpacked Lok Desk bundle for the current user, where it lies (nothing is copied but
# the menu entry and icons): `lok-desk` on PATH via ~/.local/bin, the menu entry, icons and
# AppStream data under ~/.local/share. PREFIX=/usr/local (as root) installs for everyone.
# Uninstall: ./install.sh --uninstall
set -eu

here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-"$HOME/.local"}
app_id=com.lokdesk.LokDesk

if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$prefix/bin/lok-desk" \
        "$prefix/share/applications/$app_id.desktop" \
        "$prefix/share/metainfo/$app_id.metainfo.xml" \
        "$prefix/share/icons/hicolor/scalable/apps/$app_id.svg"
    for size in 16 32 48 64 128 256 512; do
        rm -f "$prefix/share/icons/hicolor/${size}x${size}/apps/$app_id.png"
    done
    echo "Lok Desk removed from $prefix (this folder is left as it is)."
    exit 0
fi

mkdir -p "$prefix/bin" "$prefix/share"
ln -sf "$here/lok-desk" "$prefix/bin/lok-desk"
cp -R "$here/share/." "$prefix/share/"
# Menus do not read the shell's PATH, so the entry points at this folder directly.
desktop="$prefix/share/applications/$app_id.desktop"
sed -e "s|^Exec=lok-desk|Exec=\"$here/lok-desk\"|" -e "s|^TryExec=lok-desk|TryExec=$here/lok-desk|" \
    "$here/share/applications/$app_id.desktop" > "$desktop"

command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$prefix/share/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$prefix/share/icons/hicolor" || true
echo "Lok Desk installed: run lok-desk, or find it in your applications menu."
