// The ways reports write figures, one sentence each: qualifiers, tiers, periods, money, what is not a figure.
import { describe, expect, it } from 'vitest';
import { extractObservations, extractReport, scanFigures } from '../../src/extract/index.js';
import { read } from './fixture.js';

const HEAD = 'Tỉnh ủy Hà Tĩnh sơ kết việc học tập và làm theo Bác\n\n15:30 15/03/2024\n\n';
const one = (sentence: string, options = {}) => extractObservations(HEAD + sentence, { file: 'r.txt', ...options });
const pick = (o: ReturnType<typeof one>[number]) => ({ indicator: o.indicator, region: o.region, period: o.period, value: o.value, qualifier: o.qualifier, denominator: o.denominator, unit: o.unit, series: o.series });

describe('phrasings', () => {
  it('reads rates with their qualifiers, near-poor apart from poor', () => {
    expect(one('Tính đến cuối năm 2023, tỷ lệ hộ nghèo của tỉnh còn dưới 2,9%; tỷ lệ hộ cận nghèo còn 4,1%.').map(pick)).toEqual([
      // The report names no poverty standard: unknown, never guessed.
      { indicator: 'poverty_rate', region: '42', period: '2023', value: 2.9, qualifier: '<', denominator: null, unit: '%', series: 'unknown' },
      { indicator: 'near_poor_rate', region: '42', period: '2023', value: 4.1, qualifier: null, denominator: null, unit: '%', series: 'unknown' },
    ]);
  });

  it('tells the new-rural tiers apart', () => {
    expect(one('Năm 2022, toàn tỉnh có 12 xã đạt chuẩn nông thôn mới nâng cao, 3 xã đạt chuẩn nông thôn mới kiểu mẫu và 180 xã đạt chuẩn nông thôn mới.').map((o) => [o.value, o.series, o.period, o.unit])).toEqual([
      [12, 'advanced', '2022', 'xã'], [3, 'model', '2022', 'xã'], [180, 'standard', '2022', 'xã'],
    ]);
  });

  it('reads both levels of a change that dates each ("từ X năm A xuống Y năm B"), never the change itself', () => {
    expect(one('Tỷ lệ hộ nghèo giảm từ 5,2% năm 2021 xuống còn 3,1% năm 2023; bình quân mỗi năm giảm 1,05%.').map((o) => [o.value, o.period])).toEqual([[5.2, '2021'], [3.1, '2023']]);
    expect(one('Năm 2023, tỷ lệ hộ cận nghèo từ 6% xuống 4,4%.').map((o) => [o.indicator, o.value])).toEqual([['near_poor_rate', 4.4]]);
    const x = extractReport(HEAD + 'Năm 2023, thu nhập bình quân đầu người tăng 9,1% so với năm 2022.', { file: 'r.txt' });
    expect(x.observations).toEqual([]);
    expect(x.skipped.map((s) => s.why)).toContain('a change, not a level ("tăng/giảm ...")');
  });

  it('keeps the self-review sessions apart from other thematic sessions', () => {
    expect(one('Năm 2023, 100% chi bộ tổ chức sinh hoạt chuyên đề năm 2023.')).toEqual([]);
    expect(one('Năm 2023, 100% chi bộ tổ chức sinh hoạt chuyên đề “Tự soi, tự sửa”.').map((o) => [o.indicator, o.value])).toEqual([['self_review_sessions', 100]]);
  });

  it('reads the share of communes, and income written without "/người"', () => {
    expect(one('Năm 2023, tỷ lệ xã đạt chuẩn nông thôn mới đạt 77,8%.').map((o) => [o.indicator, o.value, o.series, o.unit])).toEqual([['new_rural_share', 77.8, 'standard', '%']]);
    expect(one('Năm 2023, toàn tỉnh có 150/216 xã đạt chuẩn nông thôn mới.').map((o) => [o.value, o.denominator, o.series])).toEqual([[150, 216, 'standard']]);
    const perYear = one('Năm 2023, thu nhập bình quân đầu người đạt 65 triệu đồng/năm.');
    expect(perYear.map((o) => [o.value, o.unit])).toEqual([[65, 'triệu đồng/người/năm']]);
    const bare = one('Năm 2023, thu nhập bình quân đầu người đạt 65 triệu đồng.');
    expect(bare.map((o) => [o.value, o.unit])).toEqual([[65, 'triệu đồng/người/năm']]);
    expect(bare[0].reason).toContain('per year assumed');
    expect(bare[0].confidence).toBeLessThan(perYear[0].confidence);
  });

  it('reads inspections of organisations and heads, not of members at large', () => {
    expect(one('Năm 2023, cấp ủy đã kiểm tra 12 tổ chức đảng, 3 người đứng đầu và 40 đảng viên.').map((o) => [o.value, o.series, o.unit])).toEqual([
      [12, 'organisations', 'tổ chức'], [3, 'heads', 'cá nhân'],
    ]);
  });

  it('reads income with its unit and "khoảng"', () => {
    expect(one('Thu nhập bình quân đầu người năm 2023 đạt khoảng 52 triệu đồng/người/năm.').map(pick)).toEqual([
      { indicator: 'income_per_capita', region: '42', period: '2023', value: 52, qualifier: '~', denominator: null, unit: 'triệu đồng/người/năm', series: null },
    ]);
  });

  it('counts years back from the report date and reads ranges', () => {
    expect(one('Trong 3 năm qua, toàn tỉnh có 1.250 gương điển hình được biểu dương.').map((o) => [o.period, o.value, o.series])).toEqual([['2021-2023', 1250, 'exemplar']]);
    expect(one('Giai đoạn 2021 - 2023, có 120 tập thể và 245 cá nhân được tặng Giấy khen.').map((o) => [o.period, o.value, o.series, o.unit])).toEqual([
      ['2021-2023', 120, 'collective', 'tập thể'], ['2021-2023', 245, 'individual', 'cá nhân'],
    ]);
    // No period of its own: as of the report date.
    expect(one('Toàn tỉnh có 25 mô hình hay.').map((o) => [o.period, o.series])).toEqual([['2024-03-15', 'model']]);
  });

  it('gives a figure the place named next to it', () => {
    expect(one('Năm 2023, thu nhập bình quân đầu người của huyện Đức Thọ đạt 60,2 triệu đồng/người/năm.').map((o) => o.region)).toEqual(['42-duc-tho']);
    expect(one('Năm 2023, thị xã Kỳ Anh có 30/31 tổ chức cơ sở đảng đăng ký thực hiện.').map((o) => [o.region, o.value, o.denominator])).toEqual([['42-tx-ky-anh', 30, 31]]);
  });

  it('never files a figure of a place the registry does not know under the report’s region, and never drops it', () => {
    const x = extractReport(HEAD + 'Năm 2023, huyện Đức Thọ có 8 xã đạt chuẩn nông thôn mới kiểu mẫu; huyện Can Lộc có 5 xã đạt chuẩn nông thôn mới kiểu mẫu.', { file: 'r.txt' });
    // A new sub-national region in the report's province, flagged for review.
    expect(x.observations.map((o) => [o.region, o.value])).toEqual([['42-duc-tho', 8], ['42-can-loc', 5]]);
    expect(x.observations[1].reason).toContain('"huyện Can Lộc" is not in the registry: new region 42-can-loc in Tỉnh Hà Tĩnh');
    expect(x.observations[1].confidence).toBeLessThan(x.observations[0].confidence);
    expect(x.warnings.map((w) => [w.code, w.value])).toEqual([['EXTRACT_UNKNOWN_PLACE', 'huyện Can Lộc']]);
  });

  it('files a district named in a report from another province under the province named before it', () => {
    const x = extractReport('Theo kết quả rà soát năm 2021 của tỉnh Tiền Giang: Huyện Cai Lậy hiện có 793 hộ nghèo, tỷ lệ 1,47%; TX. Cai Lậy có tỷ lệ hộ nghèo 1,24%.', { file: 'r.txt' });
    expect(x.observations.map((o) => [o.indicator, o.region, o.value])).toEqual([
      ['poor_households', '82-cai-lay', 793], ['poverty_rate', '82-cai-lay', 1.47], ['poverty_rate', '82-tx-cai-lay', 1.24],
    ]);
  });

  it('tells an organ followed by a person’s name from a place', () => {
    expect(one('Năm 2023, đồng chí Bí thư Tỉnh ủy Nguyễn Văn Du đã trao thư khen cho 11 tập thể.').map((o) => [o.region, o.value])).toEqual([['42', 11]]);
    expect(one('Năm 2023, Chủ tịch UBND huyện Trần Văn Bình khen thưởng 4 tập thể.').map((o) => [o.region, o.value])).toEqual([['42', 4]]);
  });

  it('reads sums of money raised for a purpose', () => {
    expect(one('Năm 2023, các cấp vận động ủng hộ Quỹ Khuyến học được trên 1,2 tỷ đồng.').map(pick)).toEqual([
      { indicator: 'social_support', region: '42', period: '2023', value: 1.2, qualifier: '>', denominator: null, unit: 'tỷ đồng', series: 'study_fund' },
    ]);
    expect(one('Mô hình “Shop 0 đồng” được nhân rộng.')).toEqual([]);
  });

  it('takes nothing from dates, document numbers, terms of office and ordinals', () => {
    expect(one('Thực hiện Kết luận số 01-KL/TW, ngày 18/5/2021 và Nghị quyết số 35-NQ/TW, nhiệm kỳ 2020-2025, năm thứ 6, Chỉ thị 05, tháng 7/2018.')).toEqual([]);
    const roles = scanFigures('ngày 18/5/2021; 01-KL/TW; 20:01; tháng 7/2018; 1-2 mô hình; 1 số mô hình; năm 2021').map((f) => f.role);
    expect(roles).toEqual(['date', 'reference', 'time', 'date', 'range', 'vague', 'year']);
  });

  it('passes over "hàng trăm" unless asked to keep it unquantified', () => {
    const text = HEAD + 'Trong 3 năm qua, đã có hàng trăm sáng kiến được ghi nhận.';
    const x = extractReport(text, { file: 'r.txt' });
    expect(x.observations).toEqual([]);
    expect(x.skipped.map((s) => s.why)).toContain('unquantified ("hàng trăm"): no figure stated');
    const kept = extractObservations(text, { file: 'r.txt', unquantified: true });
    expect(kept.map((o) => [o.indicator, o.value, o.period, o.quote])).toEqual([['initiatives', null, '2021-2023', 'hàng trăm sáng kiến']]);
    expect(kept[0].reason).toContain('unquantified');
  });

  it('ignores page furniture lines', () => {
    expect(one('Số lần đọc: 1234\nOnline: 65\nThống kê: 2.060.856\n• 3')).toEqual([]);
  });

  it('keeps offsets into the NFC text for decomposed input', () => {
    const nfd = (HEAD + 'Năm 2022, tỷ lệ hộ nghèo còn 3,1%.').normalize('NFD');
    const x = extractReport(nfd, { file: 'r.txt' });
    expect(x.observations.map((o) => [o.value, o.quote])).toEqual([[3.1, 'tỷ lệ hộ nghèo còn 3,1%']]);
    expect(x.text.slice(x.observations[0].start, x.observations[0].end)).toBe('tỷ lệ hộ nghèo còn 3,1%');
  });

  it('checks its options at the door', () => {
    expect(() => extractObservations('x', { region: '99' })).toThrow(/99/);
    expect(() => extractObservations('x', { period: '2021–2023' })).toThrow(/2021–2023/);
    expect(() => extractObservations('x', { format: 'pdf' as never })).toThrow(/pdf/);
  });
});

describe('the report’s own period without a dated headline', () => {
  it('takes the latest year the report speaks of, not a target', () => {
    const x = extractReport('Tỉnh ủy Hà Tĩnh\n\nTừ đầu năm 2023 đến nay, toàn tỉnh có 25 mô hình hay. Phấn đấu đến năm 2030 có 100 mô hình.', { file: 'r.txt' });
    expect(x.report.period).toBe('2023');
    expect(x.observations.map((o) => [o.value, o.period])).toEqual([[25, '2023']]);
    expect(x.skipped.find((s) => s.text === '100')?.why).toBe('a target or plan, not a result');
  });
  it('dates a dateline without a year by that year', () => {
    const x = extractReport('Tỉnh ủy Hà Tĩnh\n\nTTXVN - Ngày 18/5, Tỉnh ủy tổ chức hội nghị. Năm 2023, toàn tỉnh có 25 mô hình hay.', { file: 'r.txt' });
    expect(x.report.date).toBe('2023-05-18');
  });
});

describe('input as it arrives', () => {
  it('reads a report with Windows line ends and a byte-order mark the same way, offsets into its own text', () => {
    const lf = read('data/seeds/raw/002_8f0ff18a4f7cf0ed.txt');
    const crlf = '\ufeff' + lf.replace(/\n/g, '\r\n');
    const a = extractReport(lf, { file: 'a.txt' });
    const b = extractReport(crlf, { file: 'b.txt' });
    expect(b.observations.map((o) => [o.indicator, o.region, o.period, o.value, o.quote])).toEqual(a.observations.map((o) => [o.indicator, o.region, o.period, o.value, o.quote]));
    for (const o of b.observations) expect(b.text.slice(o.start, o.end)).toBe(o.quote);
  });
});
