// The Node versions chiso declares are ones every package it runs with accepts: `npm install` on any
// of them prints no EBADENGINE, and README names the versions the tests ran on.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// semver comes with vega-embed, a dependency.
const semver = createRequire(import.meta.url)('semver') as {
  satisfies: (version: string, range: string) => boolean;
  minVersion: (range: string) => { version: string } | null;
};

interface Locked {
  version?: string;
  dev?: boolean;
  engines?: { node?: string } | string[];
}
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, Locked> };

/** The lowest version of each `||` part of a range: where a too-new dependency shows first. */
function floors(range: string): string[] {
  return range.split('||').map((part) => semver.minVersion(part.trim())?.version ?? part);
}

describe('declared Node versions', () => {
  it('are accepted by every package chiso depends on at run time', () => {
    const declared = pkg.engines.node;
    expect(lock.packages[''].engines).toEqual({ node: declared });
    const refused: string[] = [];
    for (const [path, p] of Object.entries(lock.packages)) {
      const wants = !Array.isArray(p.engines) ? p.engines?.node : undefined;
      if (!path || p.dev || !wants) continue;
      for (const version of floors(declared)) if (!semver.satisfies(version, wants)) refused.push(`${path}@${p.version} wants node ${wants}, chiso allows ${version}`);
    }
    expect(refused).toEqual([]);
  });

  it('include the Node running the tests, and README says which were tested', () => {
    expect(semver.satisfies(process.versions.node, pkg.engines.node)).toBe(true);
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain(pkg.engines.node);
    expect(readme).toMatch(/tested on Node 20\.\d+/i);
  });
});
