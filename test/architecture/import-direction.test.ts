// The dependency direction of docs/ARCHITECTURE.md#dependency-direction, checked with
// dependency-cruiser against the rules in .dependency-cruiser.cjs: first on the real
// sources, then on a small tree that breaks each rule once, so a rule that stopped
// matching (a renamed folder, a parser that sees no imports) fails here too.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { cruise, type ICruiseResult, type IForbiddenRuleType } from 'dependency-cruiser';

const ROOT = path.resolve(import.meta.dirname, '../..');
const config = createRequire(import.meta.url)(path.join(ROOT, '.dependency-cruiser.cjs')) as {
  forbidden: IForbiddenRuleType[];
  options: Record<string, unknown>;
};

async function violations(baseDir: string, roots: string[]): Promise<{ result: ICruiseResult; found: string[] }> {
  const reported = await cruise(roots, { ...config.options, baseDir, validate: true, ruleSet: { forbidden: config.forbidden } });
  const result = reported.output as ICruiseResult;
  const found = (result.summary.violations ?? []).map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
  return { result, found };
}

describe('import direction', () => {
  it('the sources keep it', async () => {
    const roots = ['main', 'preload', 'renderer/src', 'bench', 'bin', 'i18n', 'extension'].filter((dir) => fs.existsSync(path.join(ROOT, dir)));
    const { result, found } = await violations(ROOT, roots);
    assert.deepEqual(found, []);
    // A parser that saw no imports would pass every rule: make sure it saw the known ones.
    const preload = result.modules.find((m) => m.source === 'preload/index.ts');
    assert.ok(preload?.dependencies.some((d) => d.resolved === 'main/contract-names.ts'), 'preload → contract names seen');
    const engine = result.modules.find((m) => m.source === 'main/engine/http-client.ts');
    assert.ok(engine?.dependencies.some((d) => d.module === 'got'), 'engine → got seen');
    assert.ok(result.summary.totalCruised > 100, `${result.summary.totalCruised} modules cruised`);
  });

  describe('each rule catches a break', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsz-arch-'));
    after(() => fs.rmSync(dir, { recursive: true, force: true }));
    const files: Record<string, string> = {
      'package.json': '{"name":"fixture","type":"module"}',
      'node_modules/left-pad/package.json': '{"name":"left-pad","main":"index.js"}',
      'node_modules/left-pad/index.js': 'export default 1;',
      'main/engine/item.ts': 'export type Item = { id: string };',
      'main/engine/uses-host.ts': "import { handlers } from '../host/handlers.ts';\nexport const x = handlers;",
      'main/engine/uses-library.ts': "import pad from 'left-pad';\nexport const y = pad;",
      'main/engine/cycle-a.ts': "import { b } from './cycle-b.ts';\nexport const a = () => b;",
      'main/engine/cycle-b.ts': "import { a } from './cycle-a.ts';\nexport const b = () => a;",
      'main/host/handlers.ts': "import { x } from '../../renderer/src/app.ts';\nexport const handlers = x;",
      'main/contract.ts': "import type { Item } from './engine/item.ts';\nexport type Snapshot = Item;\nexport const schemas = {};",
      'main/contract-names.ts': "import pad from 'left-pad';\nexport const COMMANDS = [pad];",
      'preload/index.ts': "import { schemas } from '../main/contract.ts';\nexport const s = schemas;",
      'i18n/words.ts': "import fs from 'node:fs';\nexport const words = fs;",
      'extension/background.js': "import { x } from '../main/host/handlers.ts';\nexport const y = x;",
      'renderer/src/app.ts': "import { schemas } from '../../main/contract.ts';\nimport type { Item } from '../../main/engine/item.ts';\nexport const x: Item | typeof schemas = schemas;",
    };
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }

    it('reports every broken rule', async () => {
      const { found } = await violations(dir, ['main', 'preload', 'renderer', 'i18n', 'extension']);
      const broken = new Set(found.map((line) => line.split(':')[0]));
      for (const rule of [
        'engine-stays-plain-node',
        'engine-does-not-know-hosts',
        'no-circular',
        'hosts-over-engine-and-contract',
        'contract-names-need-no-library',
        'preload-imports-no-contract-code',
        'renderer-imports-no-contract-code',
        'renderer-sees-contract-types-only',
        'i18n-is-browser-safe',
        'extension-stands-alone',
      ]) {
        assert.ok(broken.has(rule), `${rule} reported (found: ${found.join('; ')})`);
      }
      // And what is allowed stays allowed: the contract's type import of the engine.
      assert.ok(!found.some((line) => line.includes('main/contract.ts → main/engine/item.ts')), found.join('; '));
    });
  });
});
