// Where a host keeps its checkpoints when the user did not say: the XDG config folder.

import os from 'node:os';
import path from 'node:path';

export function defaultStateDir(host: 'cli' | 'web'): string {
  const configHome = process.env['XDG_CONFIG_HOME'] || path.join(os.homedir(), '.config');
  return path.join(configHome, 'tsuzuki', host);
}
