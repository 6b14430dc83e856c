// Finds the Chromium the browser tests drive (Debian's `chromium`), installing it when run as root.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

const candidates = () => [process.env.CHISO_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);

export function findChromium() {
  return candidates().find((p) => existsSync(p)) ?? null;
}

export function ensureChromium({ log = (m) => process.stderr.write(m + '\n') } = {}) {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    log(
      [
        'chiso: không tìm thấy Chromium cho các kiểm thử trình duyệt.',
        '       Cài bằng:  sudo apt-get update && sudo apt-get install -y chromium',
        '       hoặc đặt CHISO_CHROMIUM=/đường/dẫn/chromium',
        'chiso: Chromium, which the browser tests drive, was not found.',
        '       Install it:  sudo apt-get update && sudo apt-get install -y chromium',
        '       or set CHISO_CHROMIUM=/path/to/chromium',
      ].join('\n'),
    );
    return null;
  }
  log('chiso: installing Debian chromium for the browser tests (apt-get)…');
  try {
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  } catch {
    log('chiso: apt-get could not install chromium; install it by hand: apt-get install -y chromium');
    return null;
  }
  return findChromium();
}
