#!/usr/bin/env bash
# Installs, from Debian 12's packages, whatever the build, the tests or the demo need and
# the machine lacks. Needs root for apt-get; does nothing when everything is present.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config
  qt6-base-dev qt6-websockets-dev qt6-charts-dev qt6-positioning-dev qt6-httpserver-dev qtkeychain-qt6-dev
  qt6-multimedia-dev
  # The wall's hotplug test adds and removes screens through the offscreen platform (private QPA
  # header); the packaging test validates the kiosk's autostart entry.
  qt6-base-private-dev desktop-file-utils
  libsimdjson-dev zlib1g-dev libfontconfig-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  xvfb xauth fonts-dejavu-core
  openssl clang libclang-rt-14-dev
  # The keychain tests run a private D-Bus session with GNOME Keyring's Secret Service.
  dbus-daemon gnome-keyring libsecret-1-0
  # The Prometheus source's tests start a real server on 127.0.0.1 that scrapes vantage-relay.
  prometheus
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing: ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "error: these packages are missing and installing them needs root: ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
