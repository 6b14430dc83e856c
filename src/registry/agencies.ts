/**
 * Who published a figure, named as the publisher was named on the figure's date: GSO was "Tổng cục
 * Thống kê" (under the Ministry of Planning and Investment) until 28 February 2025 and is "Cục Thống
 * kê" under the Ministry of Finance from 1 March 2025, when the two ministries merged (Nghị định
 * 29/2025/NĐ-CP). Also the tables chiso ships, by file name, so readers see an agency and a title,
 * never a path of the repository.
 */
import type { LocalText } from './types.js';

export interface AgencyName {
  /** First day the name was used (ISO date); `null` before the registry's horizon. */
  from: string | null;
  /** Last day (ISO date); `null` while in use. */
  to: string | null;
  name: LocalText;
}

const t = (vi: string, en: string): LocalText => ({ vi, en });

/** Each agency's names over time, oldest first. */
export const AGENCIES: Readonly<Record<string, readonly AgencyName[]>> = {
  gso: [
    { from: null, to: '2025-02-28', name: t('Tổng cục Thống kê', 'General Statistics Office') },
    { from: '2025-03-01', to: null, name: t('Cục Thống kê (Bộ Tài chính)', 'National Statistics Office (Ministry of Finance)') },
  ],
};

/** A table chiso ships, by its file name: the agency and what a reader calls it. */
export interface KnownTable {
  agency: string;
  title: LocalText;
  /** When the agency's export was last updated (ISO date). */
  updated: string;
}

export const KNOWN_TABLES: Readonly<Record<string, KnownTable>> = {
  'poverty_rate_by_province.csv': { agency: 'gso', title: t('tỷ lệ hộ nghèo theo địa phương', 'poverty rate by province'), updated: '2018-09-21' },
  'monthly_income_per_capita_by_province.csv': { agency: 'gso', title: t('thu nhập bình quân đầu người một tháng theo địa phương', 'monthly income per capita by province'), updated: '2018-09-21' },
  'administrative_units_by_province.csv': { agency: 'gso', title: t('số đơn vị hành chính theo địa phương', 'administrative units by province'), updated: '2018-09-21' },
};

/** The agency's name on a date (ISO day, or a period's last day); its latest name for `null`. */
export function agencyName(id: string, date: string | null): LocalText | undefined {
  const names = AGENCIES[id];
  if (!names) return undefined;
  if (date === null) return names[names.length - 1].name;
  const hit = names.find((n) => (n.from === null || n.from <= date) && (n.to === null || n.to >= date));
  return (hit ?? names[names.length - 1]).name;
}
