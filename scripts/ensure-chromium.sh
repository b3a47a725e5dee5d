#!/bin/sh
# Make sure Debian's chromium is present for the browser tests (pytest -m browser).
# Installs it with apt-get when missing and we are root; otherwise says how.
# Never fails the build: the browser tests skip with a reason when chromium is absent.
# No browser download from anywhere but the distribution's own package archive.

if [ -x /usr/bin/chromium ]; then
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "ensure-chromium: /usr/bin/chromium is missing; install it with 'sudo apt-get install chromium'" \
         "(the browser tests skip until then)" >&2
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-chromium: /usr/bin/chromium is missing and apt-get is not available;" \
         "install your distribution's chromium package (the browser tests skip until then)" >&2
    exit 0
fi

echo "ensure-chromium: installing Debian's chromium package for the browser tests" >&2
if DEBIAN_FRONTEND=noninteractive apt-get update -qq \
   && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; then
    echo "ensure-chromium: installed $(/usr/bin/chromium --version 2>/dev/null)" >&2
else
    echo "ensure-chromium: apt-get could not install chromium; the browser tests will skip" >&2
fi
exit 0
