import type { Catalogue } from './index.js';

export const common = {
  INTERNAL: {
    vi: (p) => `Lỗi nội bộ: ${p.detail}`,
    en: (p) => `Internal error: ${p.detail}`,
  },
} satisfies Catalogue;
