/**
 * The 696 district-level units of 2024 (GSO's list of 1 January 2025, the last before the district
 * level was abolished), as regions: `huyện Can Lộc` is `42-can-loc`, `thị xã Kỳ Anh` `42-tx-ky-anh`,
 * `thành phố Mỹ Tho` `82-tp-my-tho`, `quận 1` `79-q-1`. The registry lists only a few districts
 * itself; these let extracted figures of any other district be loaded and checked. Kept out of the
 * registry's index so that pages which never meet a district do not download the list.
 */
import { DISTRICTS_2024 } from './districts-2024-data.js';
import { END_OF_63, getRegion } from './regions.js';
import { foldDiacritics } from './text.js';
import type { Region } from './types.js';

export type DistrictType2024 = 'Quận' | 'Huyện' | 'Thị xã' | 'Thành phố';

/** One unit of the 2024 list. */
export interface District2024 {
  /** The region id chiso gives it: `<province>-<prefix><name>` (`42-can-loc`, `82-tx-cai-lay`). */
  id: string;
  /** Its province's registry id (`42`). */
  province: string;
  /** GSO's 3-digit district code (`443`). */
  code: string;
  type: DistrictType2024;
  /** The name without its type: `Can Lộc`. */
  name: string;
}

/** `Cai Lậy` -> `cai-lay`: the registry's way of writing a name into an id. */
export function idSlug(name: string): string {
  return foldDiacritics(name).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** The id prefix of each type: a district has none, the others say what they are. */
export const ID_PREFIX_OF_TYPE: Record<DistrictType2024, string> = { Huyện: '', 'Thị xã': 'tx-', 'Thành phố': 'tp-', Quận: 'q-' };

const TYPE_EN: Record<DistrictType2024, string> = { Huyện: 'district', 'Thị xã': 'town', 'Thành phố': 'city', Quận: 'urban district' };

let list: District2024[] | null = null;
let byId: Map<string, District2024> | null = null;

/** Every unit of the list, in GSO's order. */
export function listDistricts2024(): readonly District2024[] {
  if (list) return list;
  list = DISTRICTS_2024.split('\n').map((line) => {
    const [province, code, type, full] = line.split('|');
    const t = type as DistrictType2024;
    // GSO writes a few with two spaces ("Huyện  Vũng Liêm") or a capital ("Thị Xã Mường Lay").
    const name = full.slice(type.length).trim().replace(/\s+/g, ' ');
    return { id: `${province}-${ID_PREFIX_OF_TYPE[t]}${idSlug(name)}`, province, code, type: t, name };
  });
  return list;
}

function index(): Map<string, District2024> {
  if (byId) return byId;
  byId = new Map(listDistricts2024().map((d) => [d.id, d]));
  return byId;
}

/** The unit of the 2024 list with this id, or `undefined`. */
export function getDistrict2024(id: string): District2024 | undefined {
  return index().get(id);
}

/**
 * The region for a district id: the registry's own when it lists it, else the unit of the 2024 list
 * as a district of its province (valid until 30 June 2025, like the province), else `undefined`.
 */
export function district2024Region(id: string): Region | undefined {
  const own = getRegion(id);
  if (own) return own.level === 'district' ? own : undefined;
  const d = index().get(id);
  if (!d) return undefined;
  const province = getRegion(d.province);
  return {
    id: d.id, level: 'district', name: d.name, fullName: `${d.type} ${d.name}`,
    nameEn: `${foldDiacritics(d.name)} ${TYPE_EN[d.type]}`, parent: d.province,
    validFrom: null, validTo: END_OF_63, successor: province?.successor ?? null, aliases: [],
  };
}
