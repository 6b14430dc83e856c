import type { Command } from './io.js';

// Replaced by the real command; kept so the dispatcher type-checks meanwhile.
export const load: Command = async (_args, io) => {
  io.stderr('chiso load: not available in this build\n');
  return 2;
};
