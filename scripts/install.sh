#!/usr/bin/env bash
# Installs everything dlts needs on a fresh Debian machine with Node 20 + npm: pnpm, the build
# dependencies of headless-gl (the gpujs backend's WebGL) and Xvfb, then the workspace's packages.
# Idempotent: what is already there is not installed again (no root or network needed then).
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=12.21.0
if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  npm install -g "pnpm@$PNPM_VERSION"
fi

# gpu.js reaches WebGL in Node through the native `gl` package (headless-gl), which builds from
# source here (its prebuilt download fails) and needs an X server with GLX.
GL_DEPS=(python3 make g++ pkg-config libx11-dev libxext-dev libxi-dev libgl1-mesa-dev
  xvfb xauth libgl1-mesa-dri)
missing=()
for p in "${GL_DEPS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing for headless-gl: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi

# node-gyp under pnpm ignores .npmrc's nodedir; without this it tries to download Node's headers
# (no internet here) and the optional `gl` build fails silently (install still exits 0).
NODE_PREFIX="$(dirname "$(dirname "$(command -v node)")")"
if [ ! -f "$NODE_PREFIX/include/node/node.h" ]; then
  echo "Node's headers are not under $NODE_PREFIX/include/node: headless-gl (gl) cannot build" >&2
  exit 1
fi
export npm_config_nodedir="$NODE_PREFIX"

pnpm install --frozen-lockfile
# The gl build fails silently (see above): make sure it was built.
if ! (cd packages/backend-gpujs && node -e "require('gl')"); then
  echo "headless-gl (gl) was not built: see the pnpm install output above and packages/backend-gpujs/README.md" >&2
  exit 1
fi
