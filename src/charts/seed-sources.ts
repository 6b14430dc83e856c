// Who published each report text chiso ships under data/seeds/raw/ (as data/seeds/README.md states it),
// so a chart names the outlet and the report instead of a file name. Kept here, not read from disk:
// the chart layer runs in browsers too. test/charts/sources.test.ts checks it against the README.
import type { Lang } from '../format/locale.js';
import { formatDate } from '../format/period.js';

export interface SeedSource {
  /** The words of data/seeds/README.md's table this entry rests on (tested against it). */
  stated: string;
  /** The outlet or author, as the text or the README names it. */
  publisher: { vi: string; en: string };
  /** The report's date (ISO) where the text states one. */
  date?: string;
  /** What identifies the report where it has no date. */
  report?: { vi: string; en: string };
}

/** By file name under `data/seeds/raw/`. */
export const SEED_SOURCES: Readonly<Record<string, SeedSource>> = {
  '000_05db81f9f313bbf0.txt': {
    stated: 'Tỉnh đoàn Kiên Giang; "Nguồn: kiengiang.dcs.vn"',
    publisher: { vi: 'Tỉnh đoàn Kiên Giang (nguồn: kiengiang.dcs.vn)', en: 'Kien Giang Youth Union (source: kiengiang.dcs.vn)' },
    report: { vi: 'kết quả đến cuối năm 2021', en: 'results to the end of 2021' },
  },
  '001_ae49d86c8a92acb4.txt': {
    stated: 'TTXVN (Vietnam News Agency)',
    publisher: { vi: 'TTXVN', en: 'Vietnam News Agency (TTXVN)' },
    date: '2023-05-18',
  },
  '002_8f0ff18a4f7cf0ed.txt': {
    stated: 'Ban Tuyên giáo Huyện ủy Đức Thọ',
    publisher: { vi: 'Ban Tuyên giáo Huyện ủy Đức Thọ', en: 'Duc Tho District Party Committee, Propaganda Board' },
    date: '2024-05-07',
  },
  '003_9ea99d9bd68773f4.txt': {
    stated: 'portal of thị xã Kỳ Anh',
    publisher: { vi: 'Cổng thông tin thị xã Kỳ Anh', en: 'Ky Anh town portal' },
    report: { vi: 'báo cáo năm 2022', en: 'report on 2022' },
  },
  '004_748b5fa953de36ad.txt': {
    stated: 'Cổng thông tin điện tử Bắc Kạn',
    publisher: { vi: 'Cổng thông tin điện tử Bắc Kạn', en: 'Bac Kan provincial portal' },
    date: '2019-09-10',
  },
};

const SEED_FILE = /(?:^|\/)seeds\/raw\/([^/#?]+)$/;

/** The seed report a source path points to (`data/seeds/raw/002_….txt#…`), or `undefined`. */
export function seedSource(file: string): SeedSource | undefined {
  const m = SEED_FILE.exec(file);
  return m && Object.hasOwn(SEED_SOURCES, m[1]) ? SEED_SOURCES[m[1]] : undefined;
}

/** `Ban Tuyên giáo Huyện ủy Đức Thọ, 07/05/2024` / `…, 7 May 2024`: publisher, then date or report. */
export function seedSourceText(s: SeedSource, locale: Lang): string {
  const second = s.date ? formatDate(s.date, locale) : s.report?.[locale];
  return second ? `${s.publisher[locale]}, ${second}` : s.publisher[locale];
}
