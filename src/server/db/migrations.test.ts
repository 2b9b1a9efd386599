import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The committed migrations must match the schema: generating again must produce nothing new.
describe('migrations', () => {
  it('agree with the schema (drizzle-kit generate finds no changes)', () => {
    mkdirSync('.tmp', { recursive: true });
    // drizzle-kit wants a path relative to the project.
    const out = mkdtempSync('.tmp/migrations-check-');
    try {
      cpSync('src/server/db/migrations', out, { recursive: true });
      const before = readdirSync(out).sort();
      const stdout = execFileSync('npx', ['drizzle-kit', 'generate', '--dialect', 'postgresql', '--schema', 'src/server/db/schema.ts', '--out', out], { encoding: 'utf8' });
      expect(stdout).toContain('No schema changes');
      expect(readdirSync(out).sort()).toEqual(before);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
