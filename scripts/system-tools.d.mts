export interface SystemTool {
  name: string;
  pkg: string;
  commands: string[];
  usedBy: string;
  skip?: string;
  found(): boolean;
}
export const SYSTEM_TOOLS: SystemTool[];
export function findChromium(): string | null;
export function missingTools(): SystemTool[];
export function ensureSystemTools(options?: { log?: (message: string) => void }): boolean;
