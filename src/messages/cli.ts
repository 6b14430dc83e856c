import { registerMessages, type Catalogue } from './index.js';

/** Messages of src/cli. Codes are UPPER_SNAKE and unique across all catalogues. */
export const cliMessages = {
  CLI_UNKNOWN_FLAG: {
    vi: (p) => `Không có tuỳ chọn ${p.flag}. Các tuỳ chọn hợp lệ: ${p.known}`,
    en: (p) => `Unknown option ${p.flag}. Valid options: ${p.known}`,
  },
  CLI_FLAG_NEEDS_VALUE: {
    vi: (p) => `Tuỳ chọn ${p.flag} cần một giá trị`,
    en: (p) => `Option ${p.flag} needs a value`,
  },
  CLI_UNKNOWN_COMMAND: {
    vi: (p) => `Không có lệnh "${p.command}". Các lệnh: ${p.known}`,
    en: (p) => `Unknown command "${p.command}". Commands: ${p.known}`,
  },
  CLI_MISSING_FILE: {
    vi: (p) => `Lệnh ${p.command} cần đường dẫn tệp`,
    en: (p) => `Command ${p.command} needs a file path`,
  },
} satisfies Catalogue;

// Registered when a module raising these codes imports this file (not part of the portal bundle).
registerMessages(cliMessages);
