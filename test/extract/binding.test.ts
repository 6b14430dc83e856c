// Rules that refuse a figure whose indicator, region or period its words do not settle, and rules that
// bind a figure to the right ones: each on a short made-up sentence of its kind.
import { describe, expect, it } from 'vitest';
import { extractObservations, extractReport } from '../../src/extract/index.js';

const read = (text: string, options = {}) =>
  extractObservations(text, { file: 'r.txt', ...options }).map((o) => [o.indicator, o.region, o.period, o.value, o.series]);

describe('changes are not levels', () => {
  it('leaves out the same change restated after "tương đương (với)"', () => {
    expect(read('Năm 2023, toàn tỉnh còn 5.200 hộ nghèo, chiếm 2,1%. So với năm 2022, giảm gần 1,3 nghìn hộ nghèo, tương đương với 0,52%.', { region: '44' })).toEqual([
      ['poor_households', '44', '2023', 5200, 'poor'], ['poverty_rate', '44', '2023', 2.1, 'unknown'],
    ]);
    expect(read('Năm 2023, tỷ lệ hộ nghèo đa chiều toàn tỉnh giảm 3,1%, tương đương với 4.020 hộ nghèo và cận nghèo.', { region: '44' })).toEqual([]);
  });

  it('reads both ends of "(giảm từ X năm A xuống còn Y năm B)" in brackets, and nothing else of a bracket that opens on a change', () => {
    expect(read('Tỷ lệ hộ nghèo đa chiều năm 2024 giảm 4,2%, tương đương 3.100 hộ nghèo và cận nghèo (giảm từ 30,5% cuối năm 2023 xuống còn 26,3% cuối năm 2024).', { region: '44' })).toEqual([
      ['poor_near_poor_rate', '44', '2023', 30.5, 'unknown'], ['poor_near_poor_rate', '44', '2024', 26.3, 'unknown'],
    ]);
    expect(read('Năm 2022, hộ nghèo có 3.000 hộ, chiếm 2% (giảm 120 hộ, chiếm tỷ lệ 0,1%).', { region: '44' }).map((r) => r[3])).toEqual([3000, 2]);
  });

  it('reads the items of a list that a change introduces as changes', () => {
    expect(read('Năm 2022, một số huyện giảm sâu số hộ nghèo là: Phú Lộc (gần 900 hộ); Nam Đông (420 hộ); A Lưới (380 hộ).', { region: '46' })).toEqual([]);
    // "giảm còn:" names levels.
    expect(read('Năm 2022, số hộ nghèo giảm còn: huyện Nam Đông 420 hộ; huyện A Lưới 1.380 hộ.', { region: '46' }).map((r) => [r[1], r[3]])).toEqual([['46-nam-dong', 420], ['46-a-luoi', 1380]]);
  });
});

describe('groups and periods', () => {
  it('reads the group named after a colon, not the lead before it', () => {
    expect(read('Kết quả tổng rà soát hộ nghèo, hộ cận nghèo năm 2022 và rà soát hộ nghèo mới phát sinh: Hộ nghèo có 4.100 hộ, chiếm 1,9% so với tổng số hộ toàn tỉnh.', { region: '60' })).toEqual([
      ['poor_households', '60', '2022', 4100, 'poor'], ['poverty_rate', '60', '2022', 1.9, 'unknown'],
    ]);
    // A label before the colon still names a sub-group.
    expect(read('Năm 2022, hộ nghèo dân tộc thiểu số: 1.300 hộ.', { region: '60' })).toEqual([]);
    // A sentence that opens on a sub-group speaks of it past the colon.
    expect(read('Các xã nghèo năm 2022: Tỷ lệ hộ nghèo là 21,5%, tổng số hộ nghèo là 3.100 hộ.', { region: '60' })).toEqual([]);
  });

  it('dates a poverty review published in January or February, with no year of its own, to the year before', () => {
    expect(read('Theo kết quả rà soát hộ nghèo được phê duyệt, toàn tỉnh hiện có 12.400 hộ nghèo, chiếm tỷ lệ 4,1%.', { region: '66', period: '2024-01-15' })).toEqual([
      ['poor_households', '66', '2023', 12400, 'poor'], ['poverty_rate', '66', '2023', 4.1, 'unknown'],
    ]);
    // Not without a review, and not later in the year.
    expect(read('Toàn tỉnh hiện có 12.400 hộ nghèo.', { region: '66', period: '2024-01-15' }).map((r) => r[2])).toEqual(['2024-01-15']);
    expect(read('Theo kết quả rà soát, toàn tỉnh hiện có 12.400 hộ nghèo.', { region: '66', period: '2024-06-15' }).map((r) => r[2])).toEqual(['2024-06-15']);
  });
});

describe('the place a report speaks for', () => {
  it('gives the figures no nearer place claims to the one district, town or city the opening names first', () => {
    expect(read('Từ năm 2019 đến nay, huyện Can Lộc – tỉnh Hà Tĩnh đã tập trung giảm nghèo.\n\nSố hộ nghèo giảm từ 900 hộ (năm 2019) xuống còn 610 hộ (năm 2022).', { region: '42' }).map((r) => [r[1], r[2], r[3]])).toEqual([
      ['42-can-loc', '2019', 900], ['42-can-loc', '2022', 610],
    ]);
    // Not when the report names other places of that level too.
    expect(read('Huyện Can Lộc và huyện Đức Thọ tổ chức hội nghị.\n\nNăm 2022, toàn tỉnh có 9.100 hộ nghèo.', { region: '42' }).map((r) => r[1])).toEqual(['42']);
  });

  it('reads no region for a report that speaks for a district it does not name', () => {
    expect(read('Theo báo cáo của Ủy ban MTTQ Việt Nam huyện, năm 2023 Quỹ “Vì người nghèo” đã tiếp nhận hơn 2 tỷ đồng.', { region: '11' })).toEqual([]);
    // A named district is read.
    expect(read('Theo báo cáo của Ủy ban MTTQ Việt Nam huyện Tuần Giáo, năm 2023 Quỹ “Vì người nghèo” đã tiếp nhận hơn 2 tỷ đồng.', { region: '11' }).map((r) => [r[1], r[3]])).toEqual([['11-tuan-giao', 2]]);
  });
});

describe('the 34 provinces of 2025', () => {
  it('reads a report about a unit of the 34 that names it as that unit, not its namesake of the 63', () => {
    expect(read('Năm 2025, toàn Thành phố Hồ Chí Minh có 2.100 hộ nghèo.', { region: '34:79' }).map((r) => r[1])).toEqual(['34:79']);
    expect(read('Năm 2025, toàn Thành phố Hồ Chí Minh có 2.100 hộ nghèo.').map((r) => r[1])).toEqual(['79']);
  });
});

describe('new-rural counts', () => {
  it('keeps the places a closed bracket lists out of the figures after it, and leaves out groups not there yet', () => {
    expect(read('Đến năm 2023, toàn tỉnh có 4/9 huyện đạt chuẩn nông thôn mới (huyện Tân Châu, Dương Minh Châu, Châu Thành và Gò Dầu), 3 huyện đang hoàn thiện hồ sơ đề nghị công nhận, 60/71 xã đạt chuẩn nông thôn mới.', { region: '72' })).toEqual([
      ['new_rural_districts', '72', '2023', 4, null], ['new_rural_communes', '72', '2023', 60, 'standard'],
    ]);
  });

  it('reads the average number of criteria met without "/xã"', () => {
    expect(read('Năm 2022, số tiêu chí đạt chuẩn trung bình của toàn tỉnh là 16,4 tiêu chí.', { region: '72' })).toEqual([['new_rural_criteria_avg', '72', '2022', 16.4, null]]);
    expect(read('Năm 2022, các xã đạt bình quân 15 tiêu chí nông thôn mới nâng cao.', { region: '72' })).toEqual([]);
  });
});

describe('the country, phases and money', () => {
  it('does not take "tốp đầu cả nước" for the country, and leaves out a phase named without its years', () => {
    expect(read('Năm 2021, tỉnh nằm trong tốp đầu cả nước với 100% số xã đạt chuẩn nông thôn mới.', { region: '35' }).map((r) => r[1])).toEqual(['35']);
    expect(read('Trong giai đoạn I xây dựng nông thôn mới, toàn tỉnh có 100% số xã đạt chuẩn nông thôn mới.', { region: '35', period: '2022-03-01' })).toEqual([]);
    // A phase with its years is dated.
    expect(read('Trong giai đoạn 2016-2020, toàn tỉnh có 90 xã đạt chuẩn nông thôn mới.', { region: '35' }).map((r) => r[2])).toEqual(['2016-2020']);
  });

  it('reads a sum raised with the fund named right after it, not the price of each house, nor a project budget', () => {
    expect(read('Năm 2019, tỉnh vận động được gần 5,4 tỷ đồng Quỹ Vì người nghèo; từ nguồn quỹ này đã xây dựng 80 nhà đại đoàn kết, mỗi nhà trị giá từ 30 đến 40 triệu đồng.', { region: '95' })).toEqual([
      ['social_support', '95', '2019', 5.4, 'other'], ['social_support_beneficiaries', '95', '2019', 80, 'houses'],
    ]);
    expect(read('Năm 2020, dự án giảm nghèo có tổng nguồn kinh phí đầu tư 300 triệu đồng với 20 hộ nghèo tham gia.', { region: '54' })).toEqual([]);
  });
});

describe('figures whose indicator, region or period is unclear are not read', () => {
  it('leaves out one donor\'s gift', () => {
    expect(read('Năm 2022, Công ty Xi măng Hà Tiên ủng hộ Quỹ Vì người nghèo tỉnh 300 triệu đồng.', { region: '44' })).toEqual([]);
    expect(read('Năm 2022, bà Trần Thị B trao tặng 200 triệu đồng cho Quỹ Vì người nghèo.', { region: '44' })).toEqual([]);
    // The sum raised on the ground ("trên địa bàn") is the place's.
    expect(read('Năm 2022, MTTQ các cấp trên địa bàn tỉnh đã vận động ủng hộ Quỹ “Vì người nghèo” được trên 12 tỷ đồng.', { region: '44' }).map((r) => r[3])).toEqual([12]);
  });

  it('leaves out a figure of a report that names no year, with a warning', () => {
    const x = extractReport('Gần 8 tỷ đồng ủng hộ Quỹ vì người nghèo trong tháng cao điểm', { region: '49' });
    expect(x.observations).toEqual([]);
    expect(x.warnings.map((w) => w.code)).toContain('EXTRACT_NO_PERIOD');
    expect(x.skipped.map((k) => k.why)).toContain('no period in the report and none given: period unclear');
  });

  it('leaves out a year after the report\'s, a target or forecast', () => {
    expect(read('Đến năm 2026, tỷ lệ hộ nghèo còn dưới 1,5%.', { region: '44', period: '2023' })).toEqual([]);
    expect(read('Tính đến nay, toàn tỉnh có 4 huyện đạt chuẩn nông thôn mới, dự kiến năm 2024 có thêm 1 huyện.', { region: '44', period: '2023' })).toEqual([['new_rural_districts', '44', '2023', 4, null]]);
  });

  it('leaves out a commune\'s figure whose district is not named', () => {
    expect(read('Năm 2022, xã Hải Ninh có 64 hộ nghèo, chiếm 3,2%.', { region: '44' })).toEqual([]);
  });

  it('leaves out a ratio of two levels and the income or wage of a group of people', () => {
    expect(read('Số hộ nghèo năm 2022 là 4.000 hộ, bằng 82% so với năm 2021.', { region: '44' }).map((r) => r[3])).toEqual([4000]);
    expect(read('Năm 2022, thu nhập bình quân đầu người của đồng bào dân tộc thiểu số đạt 28 triệu đồng/năm.', { region: '44' })).toEqual([]);
    expect(read('Năm 2022, tiền lương bình quân đạt 7,2 triệu đồng/người/tháng.', { region: '44' })).toEqual([]);
  });

  it('dates a figure after "cùng kỳ năm trước" to the year before, not the figure before it', () => {
    expect(read('Tỷ lệ hộ nghèo giảm còn 2,6%, cùng kỳ năm trước là 3,3%.', { region: '44', period: '2023' }).map((r) => [r[2], r[3]])).toEqual([['2023', 2.6], ['2022', 3.3]]);
    expect(read('Tỷ lệ hộ nghèo còn 2,6%, giảm 0,7% so với năm trước.', { region: '44', period: '2023' }).map((r) => [r[2], r[3]])).toEqual([['2023', 2.6]]);
  });

  it('reads "tỉnh ta" as the report\'s own province, and a district named after the province\'s figure as not its subject', () => {
    expect(read('Năm 2022, Bắc Ninh có tỷ lệ hộ nghèo thấp, chỉ 0,8%, trong khi tỉnh ta là 3,1%.', { region: '44' }).map((r) => [r[1], r[3]])).toEqual([['27', 0.8], ['44', 3.1]]);
    expect(read('Năm 2022, tỷ lệ hộ nghèo của cả nước là 4,03%, của tỉnh là 2,5%.', { region: '52' }).map((r) => [r[1], r[3]])).toEqual([['VN', 4.03], ['52', 2.5]]);
    expect(read('Năm 2022, toàn tỉnh có 45 xã đạt chuẩn nông thôn mới, trong đó huyện Lệ Thủy có 20 xã.', { region: '44' }).map((r) => [r[1], r[3]])).toEqual([['44', 45]]);
  });
});

describe('additions, gaps and unnamed districts', () => {
  it('reads the total after "nâng tổng số ... lên", not the addition before it', () => {
    expect(read('Năm 2022, 2 huyện được công nhận đạt chuẩn nông thôn mới, nâng tổng số lên 6 huyện.', { region: '48' })).toEqual([['new_rural_districts', '48', '2022', 6, null]]);
    expect(read('Năm 2021, tỉnh công nhận 4 xã đạt chuẩn nông thôn mới, nâng tổng số xã đạt chuẩn nông thôn mới trên địa bàn tỉnh lên 91/135 xã.', { region: '80' }).map((r) => [r[0], r[3]])).toEqual([['new_rural_communes', 91]]);
  });

  it('leaves out the gap between two levels', () => {
    expect(read('Năm 2022, tỷ lệ hộ nghèo của tỉnh là 3,5%, cao hơn 0,5% so với bình quân cả nước.', { region: '48' }).map((r) => r[3])).toEqual([3.5]);
  });

  it('reads no region for a commune the report does not name, but reads "toàn xã hội"', () => {
    expect(read('Năm 2022, toàn xã còn 25 hộ nghèo, chiếm 1,9%.', { region: '44' })).toEqual([]);
    expect(read('Năm 2022, toàn xã hội đã ủng hộ 5 tỷ đồng cho Quỹ Vì người nghèo.', { region: '44' }).map((r) => r[3])).toEqual([5]);
  });

  it('reads no region for "toàn huyện" or "huyện có" in a province\'s report that names no district', () => {
    expect(read('Năm 2022, toàn huyện có 320 hộ nghèo, chiếm 1,5%.', { region: '48' })).toEqual([]);
    expect(read('Năm 2022, huyện có 8/10 xã đạt chuẩn nông thôn mới nâng cao.', { region: '48' })).toEqual([]);
    expect(read('Năm 2022, huyện Hòa Vang có 8/10 xã đạt chuẩn nông thôn mới nâng cao.', { region: '48' }).map((r) => r[1])).toEqual(['48-hoa-vang']);
  });
});

describe('sums and spans', () => {
  it('reads the sum of the poor and the near-poor as both groups, and each count before it', () => {
    expect(read('Năm 2022, tỉnh có 9.500 hộ nghèo và 14.200 hộ cận nghèo, tổng cộng 23.700 hộ, chiếm 3,8%.', { region: '89' }).map((r) => [r[0], r[3], r[4]])).toEqual([
      ['poor_households', 9500, 'poor'], ['poor_households', 14200, 'near_poor'], ['poor_households', 23700, 'poor_near_poor'], ['poor_near_poor_rate', 3.8, 'unknown'],
    ]);
  });

  it('dates a level reached "after N years" to the report\'s year, not the span', () => {
    expect(read('Sau 10 năm, huyện Thoại Sơn được công nhận huyện nông thôn mới, 100% xã đạt chuẩn.', { region: '89', period: '2021' }).map((r) => [r[0], r[2]])).toEqual([['new_rural_share', '2021']]);
  });
});

describe('urban and rural areas', () => {
  it('gives a rate the area named nearest before it', () => {
    expect(read('Năm 2023, tỷ lệ hộ nghèo khu vực thành thị 0,8%, nông thôn 4,2%.', { region: '20' }).map((r) => [r[3], r[4]])).toEqual([[0.8, 'urban'], [4.2, 'rural']]);
  });
});

describe('layout and wording of the source', () => {
  it('reads a count glued to its noun, and a sentence a copied PDF broke across lines', () => {
    expect(read('Năm 2011, huyện Ninh Phước có tỷ lệ hộ cận nghèo 9,2% (2.104hộ).', { region: '58' }).map((r) => [r[0], r[3]])).toEqual([['near_poor_rate', 9.2], ['poor_households', 2104]]);
    expect(read('Năm 2010, tăng trưởng kinh tế của tỉnh đạt 11%. Thu\nnhập bình quân đầu người ước tính 12,5 triệu đồng/năm.', { region: '56' }).map((r) => [r[0], r[3]])).toEqual([['income_per_capita', 12.5]]);
    // A new line in capitals is a new paragraph.
    expect(read('Thu nhập\nNăm 2010, toàn tỉnh có 12 xã đạt chuẩn nông thôn mới.', { region: '56' }).map((r) => r[0])).toEqual(['new_rural_communes']);
  });

  it('reads grants and gifts handed out, and money given in support', () => {
    expect(read('Năm 2023, các cấp đã trao 2.400 suất học bổng cho học sinh và gần 12 ngàn suất quà cho hộ nghèo; hỗ trợ gần 3 tỷ đồng cho hộ nghèo, hộ cận nghèo.', { region: '77' })).toEqual([
      ['social_support_beneficiaries', '77', '2023', 2400, 'pupils'], ['social_support_beneficiaries', '77', '2023', 12000, 'other'], ['social_support', '77', '2023', 3, 'other'],
    ]);
    expect(read('Năm 2023, mỗi hộ được hỗ trợ 5 triệu đồng.', { region: '77' })).toEqual([]);
    expect(read('Năm 2022, tỉnh xây mới 520 căn nhà cho hộ nghèo, trị giá 26 tỷ đồng.', { region: '52' }).map((r) => [r[0], r[4]])).toEqual([['social_support_beneficiaries', 'houses'], ['social_support', 'houses']]);
  });
});

describe('lists by place', () => {
  it('pairs the places and figures of "lần lượt" in order, and reads none when they do not pair up', () => {
    expect(read('Năm 2023, tỉnh Lạng Sơn và tỉnh Cao Bằng có tỷ lệ hộ nghèo lần lượt là 6,5% và 15,7%.').map((r) => [r[1], r[3]])).toEqual([['20', 6.5], ['04', 15.7]]);
    expect(read('Năm 2023, tỉnh Lạng Sơn và tỉnh Cao Bằng có tỷ lệ hộ nghèo lần lượt là 6,5%, 15,7% và 9,1%.')).toEqual([]);
  });

  it('leaves out the share of the poor that has something', () => {
    expect(read('Năm 2023, trên 90% hộ nghèo đã có nhà ở kiên cố.', { region: '20' })).toEqual([]);
    expect(read('Năm 2023, toàn tỉnh còn 3,5% hộ nghèo.', { region: '20' }).map((r) => [r[0], r[3]])).toEqual([['poverty_rate', 3.5]]);
  });

  it('gives a figure to each place of the list that is its subject', () => {
    expect(read('Năm 2019, huyện Lâm Thao, huyện Phù Ninh và thị xã Phú Thọ có 100% số xã đạt chuẩn nông thôn mới.', { region: '25' }).map((r) => [r[0], r[1], r[3]])).toEqual([
      ['new_rural_share', '25-lam-thao', 100], ['new_rural_share', '25-phu-ninh', 100], ['new_rural_share', '25-tx-phu-tho', 100],
    ]);
    // Places joined to a figure of their own are not a shared subject.
    expect(read('Năm 2019, huyện Lâm Thao có 12 xã, huyện Phù Ninh có 100% số xã đạt chuẩn nông thôn mới.', { region: '25' }).map((r) => r[1])).toEqual(['25-phu-ninh']);
  });

  it('reads the group of the sentence before in one that goes on with its list ("Tiếp đến là ...")', () => {
    expect(read('Năm 2020, xã Mường Nhé (Mường Nhé) có số hộ nghèo nhiều nhất tỉnh với 900 hộ. Tiếp đến là xã Sín Thầu (Mường Nhé) với 610 hộ.', { region: '11' }).map((r) => [r[0], r[1], r[3], r[4]])).toEqual([
      ['poor_households', '11-muong-nhe-muong-nhe', 900, 'poor'], ['poor_households', '11-muong-nhe-sin-thau', 610, 'poor'],
    ]);
    // Not a sentence that does not go on with it.
    expect(read('Năm 2020, toàn tỉnh có 900 hộ nghèo. Xã Sín Thầu (Mường Nhé) có 610 hộ dân.', { region: '11' }).map((r) => r[3])).toEqual([900]);
  });
});

describe('groups an action is for, acts of recognition, slips', () => {
  it('leaves out the households an action is for and the rate of a counted group of districts', () => {
    expect(read('Bài 3: Nâng cao thu nhập cho 150 hộ nghèo', { region: '40', period: '2023' })).toEqual([]);
    expect(read('Đến cuối năm 2023, tỷ lệ hộ nghèo của 7 huyện miền núi giảm còn 12,4%.', { region: '40' })).toEqual([]);
    // A list by district is not a group of them.
    expect(read('Năm 2023, số hộ nghèo tại các huyện gồm: Kỳ Sơn 3.100 hộ, Tương Dương 2.400 hộ.', { region: '40' }).map((r) => r[1])).toEqual(['40-ky-son', '40-tuong-duong']);
  });

  it('leaves out the ends of a range', () => {
    expect(read('Năm 2023, thành phố Sơn La có tỷ lệ hộ nghèo 0,9%; các huyện còn lại từ 10 đến 25%.', { region: '14' }).map((r) => [r[1], r[3]])).toEqual([['14-tp-son-la', 0.9]]);
  });

  it('leaves out those one act recognised, and a part larger than its whole', () => {
    expect(read('Quyết định số 456/QĐ-UBND ngày 20/12/2023 công nhận 18 xã đạt chuẩn nông thôn mới năm 2023.', { region: '40' })).toEqual([]);
    expect(read('Năm 2023, toàn tỉnh có 436/411 xã đạt chuẩn nông thôn mới.', { region: '40' })).toEqual([]);
  });
});

describe('refusals found on a development set of new passages', () => {
  it('leaves out the size of a change ("mức giảm", "tăng trưởng", "vượt")', () => {
    expect(read('Năm 2021, tỷ lệ hộ nghèo của tỉnh giảm xuống còn 27,9%, tương đương mức giảm đáng kể 30,3%.', { region: '12' }).map((r) => r[3])).toEqual([27.9]);
    expect(read('Năm 2022, Quỹ vì người nghèo của tỉnh tăng trưởng gần 30,2 tỷ đồng.', { region: '86' })).toEqual([]);
    expect(read('Năm 2024, số hộ nghèo của huyện Nam Giang giảm 693 hộ, vượt 333 hộ so với chỉ tiêu.', { region: '49' })).toEqual([]);
  });

  it('leaves out a bound ("dưới mức X") and a plan written after a result ("/KH X")', () => {
    expect(read('Năm 2023, cả nước có 8 tỉnh có thu nhập bình quân đầu người dưới mức 3 triệu đồng/người/tháng.', { region: 'VN' })).toEqual([]);
    expect(read('Năm 2022, thu nhập bình quân đầu người của tỉnh ước đạt 55,3 triệu đồng/KH 55-56 triệu đồng.', { region: '45' }).map((r) => r[3])).toEqual([55.3]);
  });

  it('reads "chưa" past a bracketed aside: households without a house are a sub-group', () => {
    expect(read('Năm 2019, toàn tỉnh có hơn 10 nghìn hộ nghèo (chủ yếu là đồng bào dân tộc thiểu số) chưa có nhà ở.', { region: '64' })).toEqual([]);
  });

  it('leaves out the figures of a bracket that spells out a target set before it', () => {
    expect(read('Cuối năm 2022, toàn tỉnh có 13.342 hộ nghèo, chiếm tỷ lệ 7,97%. Tỉnh phấn đấu cuối năm 2023 giảm 3% (tương ứng số hộ nghèo còn 8.352 hộ, chiếm tỷ lệ 4,97%).', { region: '67', period: '2023' }).map((r) => [r[2], r[3]])).toEqual([['2022', 13342], ['2022', 7.97]]);
  });

  it('does not carry a rate over a clause that names another rate', () => {
    expect(read('Năm 2024, tỷ lệ hộ nghèo của xã giảm còn 12,5%; tỷ lệ lao động qua đào tạo đạt 60,89%.', { region: '12' }).map((r) => r[3])).toEqual([12.5]);
    // "chiếm tỷ lệ X%" names no other rate.
    expect(read('Năm 2021, toàn tỉnh có 17.060 hộ nghèo, chiếm tỷ lệ 4,26%.', { region: '83' }).map((r) => r[3])).toEqual([17060, 4.26]);
    expect(read('Năm 2024, huyện Nam Giang duy trì 100% số xã đạt chuẩn phổ cập giáo dục.', { region: '49' })).toEqual([]);
  });

  it('leaves out sums over many years ("lũy kế", "từ năm ... đến nay") and money a project invests', () => {
    expect(read('Năm 2010, Quỹ vì người nghèo đã vận động được 705 tỷ đồng. Lũy kế từ khi phát động, quỹ đã vận động được 5.120 tỷ đồng cho Quỹ vì người nghèo.', { region: 'VN' }).map((r) => r[3])).toEqual([705]);
    expect(read('Năm 2020, từ năm 2012 đến nay, Quỹ Khuyến học vận động hơn 41,4 tỷ đồng.', { region: '49' })).toEqual([]);
    expect(read('Năm 2020, cơ sở hạ tầng được đầu tư xây dựng với kinh phí trên 45 tỷ đồng cho hộ nghèo.', { region: '40' })).toEqual([]);
  });

  it('reads a report that opens on "Toàn huyện" as an unnamed district\'s', () => {
    expect(read('Toàn huyện gieo trồng được 26.936 ha cây trồng. Năm 2023, thu nhập bình quân đầu người ước đạt 50,5 triệu đồng/năm.', { region: '64' })).toEqual([]);
  });

  it('leaves out a paragraph about a commune whose district it does not name', () => {
    expect(read('Xã Bảo Hiệu là xã vùng 135 với 2160 hộ. Tỷ lệ hộ nghèo năm 2022 là 16,99%.', { region: '17' })).toEqual([]);
  });

  it('reads the share in brackets after "tỷ lệ", an average "/1 xã", houses built anew and the sum in brackets after them', () => {
    expect(read('Đến cuối năm 2022, cả nước có 6.009 xã (tỷ lệ 73,06%) đạt chuẩn NTM.', { region: 'VN' }).map((r) => [r[0], r[3]])).toEqual([['new_rural_communes', 6009], ['new_rural_share', 73.06]]);
    expect(read('Đến 30/9/2015, số tiêu chí đạt bình quân: 14 tiêu chí/1 xã.', { region: '46' }).map((r) => [r[0], r[3]])).toEqual([['new_rural_criteria_avg', 14]]);
    expect(read('Năm 2021, Quỹ vì người nghèo các cấp đã hỗ trợ xây dựng mới 59 nhà đại đoàn kết (2,3 tỷ đồng); tặng 6.486 suất quà (5 tỷ đồng).', { region: '49' }).map((r) => [r[0], r[3], r[4]])).toEqual([
      ['social_support_beneficiaries', 59, 'houses'], ['social_support', 2.3, 'houses'], ['social_support_beneficiaries', 6486, 'other'], ['social_support', 5, 'other'],
    ]);
  });

  it('gives a figure the province its own clause names with "của" after it, not the country an earlier sentence named', () => {
    expect(read('Hà Nam là điểm sáng nông thôn mới của cả nước. Năm 2020, Thủ tướng công nhận 100% đơn vị cấp huyện (6/6 huyện, thành phố) của Hà Nam đạt chuẩn nông thôn mới.', { region: '35' }).map((r) => [r[0], r[1], r[3]])).toEqual([['new_rural_districts', '35', 6]]);
    // Not a place after the figure that "của" does not join to it.
    expect(read('Cả nước có 5.775 xã đạt chuẩn nông thôn mới năm 2022, trong đó Hà Nam có nhiều xã nâng cao.', { region: 'VN' }).map((r) => [r[1], r[3]])).toEqual([['VN', 5775]]);
  });
});
