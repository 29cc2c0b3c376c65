#!/usr/bin/env bash
# Run a make target of this repository inside a Debian 13 (trixie) root with QGIS 3.40 LTR,
# beside the Debian 12 / QGIS 3.22 of the machine itself:
#
#     scripts/qgis_ltr.sh test      # what `make test-qgis-ltr` runs
#     scripts/qgis_ltr.sh --run CMD # any command in the root, from the repository (to look into a failure)
#
# The root is built once with debootstrap (about 30 s) into .cache/qgis-ltr-root and kept:
# the packages `make deps` installs there and the venv it makes (.venv-trixie) are reused by
# the next run. The repository is mounted at the same path inside, so paths in tests and
# outputs are the same on both. Needs root (debootstrap, chroot, mounts), as CI runs.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
ROOT=${QGIS_LTR_ROOT:-$REPO/.cache/qgis-ltr-root}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

if [ "$(id -u)" != 0 ]; then
  echo "scripts/qgis_ltr.sh needs root (debootstrap, chroot and bind mounts): run it with sudo." >&2
  exit 2
fi
if [ ! -x "$ROOT/usr/bin/make" ]; then
  command -v debootstrap >/dev/null || { apt-get update -qq && apt-get install -y -qq debootstrap; }
  rm -rf "$ROOT.part"
  mkdir -p "$(dirname "$ROOT")"
  debootstrap --variant=minbase --include=make,ca-certificates trixie "$ROOT.part" "$MIRROR"
  mv "$ROOT.part" "$ROOT"
fi
cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
# The machine's own certificate authorities (a network that inspects TLS has its own): the
# root trusts what the machine trusts, for apt, pip and npm alike.
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  mkdir -p "$ROOT/usr/local/share/ca-certificates"
  cp /usr/local/share/ca-certificates/*.crt "$ROOT/usr/local/share/ca-certificates/"
  chroot "$ROOT" /usr/sbin/update-ca-certificates >/dev/null 2>&1 || true
fi
for config in /etc/pip.conf /etc/npmrc; do  # the registries' settings (mirrors, certificates)
  [ -f "$config" ] && cp "$config" "$ROOT$config"
done
mkdir -p "$ROOT$REPO"

mounted=()
cleanup() {
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[i]}" 2>/dev/null || true; done
}
trap cleanup EXIT
mount_into() {  # mount_into TARGET ARGS...: mount under the root, remembered for the cleanup
  local target=$ROOT$1
  shift
  mkdir -p "$target"
  mount "$@" "$target"
  mounted+=("$target")
}
mount_into /proc -t proc proc
mount_into /sys --rbind /sys
mount_into /dev --rbind /dev
mount --make-rslave "$ROOT/dev"
mount_into /tmp -t tmpfs tmpfs
mount_into "$REPO" --bind "$REPO"

if [ "${1:-}" = --run ]; then
  shift
  command=(/bin/bash -c "cd '$REPO' && $*")
else
  command=(make -C "$REPO" "$@")
fi
chroot "$ROOT" /usr/bin/env -i HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive QT_QPA_PLATFORM=offscreen \
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "${command[@]}"
