#!/usr/bin/env bash
# Installs the Debian packages MediaArchive builds against (FFmpeg, libexif, libheif) and the
# command-line peers its fixtures and benchmarks use, but only those that are missing, so a
# machine that has them all is not touched (and needs no network).
set -euo pipefail

packages=(
  pkg-config
  libavformat-dev libavcodec-dev libavutil-dev libswscale-dev   # MediaProbe (FFmpeg 5.1)
  libexif-dev libheif-dev                                        # Exif (photo metadata, HEIC)
  ffmpeg libimage-exiftool-perl libheif-examples                 # fixtures and benchmarks
  python3-pip                                                    # installs bagit and selenium
  chromium chromium-driver                                       # the real-browser test
  wrk                                                            # bench/serve-load
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing missing system packages: ${missing[*]}" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "error: run as root or install sudo to add: ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Python packages the tests use: bagit (Library of Congress) checks exported bags
# independently; selenium drives Chromium in the browser test. Debian 12 packages neither in a
# usable version, and its system Python refuses a plain pip install, so try the active Python
# first (pyenv/venv), then a user install.
pip_install() {
  local module=$1 package=$2 purpose=$3
  python3 -c "import $module" 2>/dev/null && return 0
  echo "Installing the Python $package package ($purpose)" >&2
  python3 -m pip install --quiet "$package" 2>/dev/null \
    || python3 -m pip install --quiet --user --break-system-packages "$package" 2>/dev/null \
    || { echo "error: could not install the Python $package package ($purpose)" >&2; return 1; }
}
pip_install bagit bagit "independent BagIt checker for the tests"
pip_install selenium selenium "drives Chromium in the browser test"
