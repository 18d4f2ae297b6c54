#!/usr/bin/env bash
# Nightly backup of the photo library and documents to the external disk.
#
# Keeps a full mirror plus dated snapshots: unchanged files are hard links into the previous
# snapshot (rsync --link-dest), so every snapshot looks complete but only costs the space
# of what changed that day.
set -euo pipefail

SOURCE_DIRS=("$HOME/Pictures" "$HOME/Documents")
DEST=/mnt/backup/snapshots
KEEP_DAYS=30

today=$(date +%F)
latest="$DEST/latest"

# Refuse to run when the disk is not mounted, or we would fill the root filesystem.
if ! mountpoint -q /mnt/backup; then
  echo "backup disk not mounted at /mnt/backup" >&2
  exit 1
fi

mkdir -p "$DEST/$today"
for dir in "${SOURCE_DIRS[@]}"; do
  rsync -a --delete --link-dest="$latest/$(basename "$dir")" "$dir" "$DEST/$today/"
done
ln -sfn "$DEST/$today" "$latest"

# Old snapshots go after KEEP_DAYS days; the hard links keep shared files alive.
find "$DEST" -mindepth 1 -maxdepth 1 -type d -mtime +"$KEEP_DAYS" -exec rm -rf {} +
echo "backup $today done"
