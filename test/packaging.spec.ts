import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** The package a bare import specifier names: `@a/b/c` -> `@a/b`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function importedPackages(dir: string): Set<string> {
  const found = new Set<string>();
  for (const file of sourceFiles(dir)) {
    const text = readFileSync(file, 'utf8');
    const specs = text.matchAll(/^(?:import|.*\bfrom) '([^'.][^']*)';$/gm);
    for (const [, spec] of specs) {
      if (spec.startsWith('node:') || builtinModules.includes(spec)) continue;
      found.add(packageOf(spec));
    }
  }
  return found;
}

describe('the package', () => {
  it('declares every package lib/ imports as a peer or dependency', () => {
    const declared = {
      ...pkg.dependencies,
      ...pkg.peerDependencies,
    };
    const missing = [...importedPackages(join(root, 'lib'))].filter(
      (name) => !(name in declared),
    );
    expect(missing).toEqual([]);
  });

  it('declares every package sample/ and test/ import', () => {
    const declared = {
      ...pkg.devDependencies,
      ...pkg.peerDependencies,
      [pkg.name]: '*',
    };
    const used = new Set([
      ...importedPackages(join(root, 'sample')),
      ...importedPackages(join(root, 'test')),
    ]);
    const missing = [...used].filter((name) => !(name in declared));
    expect(missing).toEqual([]);
  });

  it('builds, and dist loads through its exports map', () => {
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'pipe' });
    const script = `
      const main = await import('${pkg.name}');
      const testing = await import('${pkg.name}/testing');
      console.log(JSON.stringify({
        module: typeof main.NontaxModule,
        service: typeof main.RefundService,
        dto: typeof main.RefundRequestDto,
        filter: typeof main.NontaxExceptionFilter,
        simulator: typeof testing.WechatSimulator,
      }));`;
    const out = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', script],
      { cwd: root, encoding: 'utf8' },
    );
    expect(JSON.parse(out)).toEqual({
      module: 'function',
      service: 'function',
      dto: 'function',
      filter: 'function',
      simulator: 'function',
    });
    const dts = readFileSync(
      join(root, 'dist/refund/refund.service.d.ts'),
      'utf8',
    );
    expect(dts).toContain('@throws');
  });
});
