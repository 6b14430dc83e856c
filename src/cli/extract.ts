import type { Command } from './io.js';

// Replaced by the real command; kept so the dispatcher type-checks meanwhile.
export const extract: Command = async (_args, io) => {
  io.stderr('chiso extract: not available in this build\n');
  return 2;
};
