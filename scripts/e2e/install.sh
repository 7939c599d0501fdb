#!/usr/bin/env bash
# Installs what the editor tests need on a fresh Debian machine: Chromium and Neovim from
# Debian, and code-server (VS Code in a browser) from npm into an ignored cache folder.
# code-server's own postinstall downloads binaries from the internet, which CI cannot reach,
# so its native steps are done here by hand. Each part is skipped when already present.
set -euo pipefail

# `--neovim-only`: just Neovim, for `npm run test:nvim`.
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DIR=${HARDENING_E2E_DIR:-$ROOT/.cache/e2e}
CODE_SERVER_VERSION=4.100.3
PACKAGES=(libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config ripgrep chromium neovim)
NEOVIM_ONLY=false
[ "${1:-}" = "--neovim-only" ] && NEOVIM_ONLY=true && PACKAGES=(neovim)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if $NEOVIM_ONLY || [ -f "$DIR/.installed-$CODE_SERVER_VERSION" ]; then
  exit 0
fi
mkdir -p "$DIR"
cd "$DIR"
[ -f package.json ] || echo '{"name":"hardening-e2e-tools","private":true}' > package.json
npm install --no-audit --no-fund --ignore-scripts --loglevel=error "code-server@$CODE_SERVER_VERSION"
npm rebuild argon2 >/dev/null
cd node_modules/code-server/lib/vscode
npm install --no-audit --no-fund --omit=dev --ignore-scripts --loglevel=error
for m in @parcel/watcher @vscode/deviceid @vscode/spdlog kerberos native-watchdog node-pty; do
  (cd "node_modules/$m" && npx --yes node-gyp rebuild >/dev/null 2>&1)
done
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
ln -sfn node_modules node_modules.asar
(cd extensions && npm install --no-audit --no-fund --omit=dev --ignore-scripts --loglevel=error)
touch "$DIR/.installed-$CODE_SERVER_VERSION"
