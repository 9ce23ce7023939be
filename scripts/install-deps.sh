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
  fonts-wqy-microhei                                             # Chinese text in the browser test's screenshots
  wrk                                                            # bench/serve-load
  dpkg-dev debootstrap curl                                      # make deb (dpkg-shlibdeps), scripts/install-test
  rsync hyperfine                                                # bench/backup-vs-rsync
  libreoffice-writer-nogui libreoffice-calc-nogui                # converts .doc/.xls/.wps/.et forms; checks the XLSX we write
  zlib1g-dev                                                     # ZIPFoundation (DOCX/XLSX) on Linux
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

# libheif 1.15 (Debian 12's own) cannot open the HEIC photos iOS 18 writes ("Metadata not
# correctly assigned to image"); 1.17 and later can. Debian ships 1.19 in bookworm-backports, so
# where the installed libheif is older, add that suite to apt's sources (it is never preferred
# over the release: apt takes from it only what is named with -t) and take exactly these three
# packages from it. Nothing else on the machine comes from backports.
heif_backports=(libheif1 libheif-dev libheif-plugin-libde265)
heif_version=$(dpkg-query -W -f='${Version}' libheif1 2>/dev/null || true)
if [ -r /etc/os-release ] && grep -q '^VERSION_CODENAME=bookworm' /etc/os-release \
   && { [ -z "$heif_version" ] || dpkg --compare-versions "$heif_version" lt 1.17; }; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if ! grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    echo "Adding Debian's bookworm-backports suite to apt's sources (for libheif >= 1.17 only)" >&2
    printf 'Types: deb\nURIs: http://deb.debian.org/debian\nSuites: bookworm-backports\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
      | $sudo tee /etc/apt/sources.list.d/bookworm-backports.sources >/dev/null
  fi
  echo "Installing libheif from bookworm-backports (${heif_version:-none} is too old for iOS 18 HEIC): ${heif_backports[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    -t bookworm-backports "${heif_backports[@]}" >/dev/null
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
pip_install docx python-docx "writes the Word registration-form fixtures (Tests/Fixtures/forms)"
pip_install openpyxl openpyxl "independent XLSX reader for the forms export tests; writes the Excel fixtures"
