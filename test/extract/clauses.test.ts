// Reading by clause: figures bound to the poverty group, place and year their clause, sentence or paragraph
// names; the country and the six regions; lists by place; changes dated at both ends.
import { describe, expect, it } from 'vitest';
import { extractObservations, extractReport } from '../../src/extract/index.js';

// A rate whose report names no poverty standard carries `unknown` as its series, never a guess.
const read = (text: string, options = {}) =>
  extractObservations(text, { file: 'r.txt', ...options }).map((o) => [o.indicator, o.region, o.period, o.value, o.series]);

describe('reading by clause', () => {
  it('reads a count with its share in brackets or after "chiếm", for the poor and the near-poor in one sentence', () => {
    expect(read('Năm 2022, toàn tỉnh có 13.823 hộ nghèo (chiếm 2,15%) và 14.441 hộ cận nghèo (chiếm 2,24%).', { region: '30' })).toEqual([
      ['poor_households', '30', '2022', 13823, 'poor'], ['poverty_rate', '30', '2022', 2.15, 'unknown'],
      ['poor_households', '30', '2022', 14441, 'near_poor'], ['near_poor_rate', '30', '2022', 2.24, 'unknown'],
    ]);
    expect(read('Cuối năm 2023, toàn tỉnh còn 9.604 hộ nghèo, chiếm tỷ lệ 3,14%; hộ cận nghèo là 6.943 hộ, chiếm tỷ lệ 2,27%.', { region: '96' })).toEqual([
      ['poor_households', '96', '2023', 9604, 'poor'], ['poverty_rate', '96', '2023', 3.14, 'unknown'],
      ['poor_households', '96', '2023', 6943, 'near_poor'], ['near_poor_rate', '96', '2023', 2.27, 'unknown'],
    ]);
  });

  it('tells the poor and near-poor together from the poverty rate, and reads the country', () => {
    expect(read('Năm 2023, tỷ lệ nghèo đa chiều (gồm tỷ lệ hộ nghèo và hộ cận nghèo) chung toàn quốc là 5,71%. Tổng số hộ nghèo và hộ cận nghèo đa chiều là 1.586.336 hộ.')).toEqual([
      ['poor_near_poor_rate', 'VN', '2023', 5.71, 'unknown'], ['poor_households', 'VN', '2023', 1586336, 'poor_near_poor'],
    ]);
    expect(read('Năm 2022, tỷ lệ hộ nghèo chung cả nước là 4,03%, cao nhất cả nước là Lai Châu.')).toEqual([['poverty_rate', 'VN', '2022', 4.03, 'unknown']]);
  });

  it('gives each region of a list its own figures', () => {
    expect(read('Năm 2022, tỷ lệ nghèo đa chiều theo các vùng như sau: Trung du và miền núi phía Bắc 21,92% với 701.461 hộ; Tây Nguyên 15,39% với 236.766 hộ; Đông Nam Bộ 0,34% với 15.787 hộ.')).toEqual([
      ['poor_near_poor_rate', 'R2', '2022', 21.92, 'unknown'], ['poor_households', 'R2', '2022', 701461, 'poor_near_poor'],
      ['poor_near_poor_rate', 'R4', '2022', 15.39, 'unknown'], ['poor_households', 'R4', '2022', 236766, 'poor_near_poor'],
      ['poor_near_poor_rate', 'R5', '2022', 0.34, 'unknown'], ['poor_households', 'R5', '2022', 15787, 'poor_near_poor'],
    ]);
  });

  it('dates both ends of a change, and each year of "năm A ..., năm B ..."', () => {
    expect(read('Tỷ lệ nghèo đa chiều năm 2023 từ 36,97% đã giảm xuống còn 33,24% năm 2024.', { region: '11' })).toEqual([
      ['poor_near_poor_rate', '11', '2023', 36.97, 'unknown'], ['poor_near_poor_rate', '11', '2024', 33.24, 'unknown'],
    ]);
    expect(read('Tỷ lệ hộ nghèo năm 2022 là 5,2%, năm 2023 là 4,1%.', { region: '42' }).map((r) => [r[2], r[3]])).toEqual([['2022', 5.2], ['2023', 4.1]]);
  });

  it('keeps the year of a comparison and of a programme out of a figure’s period', () => {
    expect(read('Tính đến tháng 11/2022, cả nước đã có 5.869/8.225 xã (71,4%) đạt chuẩn nông thôn mới, tăng 160 xã so với cuối năm 2021.')).toEqual([
      ['new_rural_communes', 'VN', '2022-11', 5869, 'standard'], ['new_rural_share', 'VN', '2022-11', 71.4, 'standard'],
    ]);
    expect(read('Theo Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021-2025, cuối năm 2023 tỉnh còn 2,1% hộ nghèo.', { region: '42' })).toEqual([
      ['poverty_rate', '42', '2023', 2.1, 'unknown'],
    ]);
  });

  it('reads "6 tháng đầu năm" and "đến thời điểm 31/12/2019" as the month or day they stand at', () => {
    expect(read('Tỉnh ủy Hà Tĩnh\n15/07/2023\n6 tháng đầu năm, toàn tỉnh có 12 xã đạt chuẩn nông thôn mới nâng cao.').map((r) => [r[1], r[2], r[3]])).toEqual([['42', '2023-06', 12]]);
    expect(read('Đến thời điểm 31/12/2019, tỉnh Hà Giang có 48.824 hộ nghèo.').map((r) => [r[1], r[2], r[3]])).toEqual([['02', '2019-12-31', 48824]]);
  });

  it('tells new-rural communes, their tiers, districts and provinces apart', () => {
    expect(read('Năm 2021, cả nước có 468 xã đạt chuẩn nông thôn mới nâng cao và 43 xã đạt chuẩn nông thôn mới kiểu mẫu; bình quân cả nước đạt 16,7 tiêu chí/xã. Có 201 đơn vị cấp huyện thuộc 53 tỉnh, thành phố đã được công nhận hoàn thành nhiệm vụ/đạt chuẩn nông thôn mới. Có 12 tỉnh đã có 100% số xã đạt chuẩn nông thôn mới.')).toEqual([
      ['new_rural_communes', 'VN', '2021', 468, 'advanced'], ['new_rural_communes', 'VN', '2021', 43, 'model'], ['new_rural_criteria_avg', 'VN', '2021', 16.7, null],
      ['new_rural_districts', 'VN', '2021', 201, null], ['new_rural_provinces', 'VN', '2021', 12, 'all_communes'],
    ]);
  });

  it('passes over shares of a sub-group and additions', () => {
    const x = extractReport('Năm 2022, toàn tỉnh có 5.404 hộ nghèo, chiếm 1,88%. Trong đó, hộ nghèo dân tộc Khmer 3.239 hộ, chiếm 59,94% so với tổng số hộ nghèo. Năm 2023 có thêm 6 xã đạt chuẩn nông thôn mới.', { file: 'r.txt', region: '84' });
    expect(x.observations.map((o) => o.value)).toEqual([5404, 1.88]);
  });

  it('reads places named bare in a list by place, with the province of the report', () => {
    expect(read('Năm 2019, số hộ nghèo tại các huyện gồm: Ninh Sơn 2.638 hộ, Bác Ái 2.601 hộ và Tp. Phan Rang - Tháp Chàm 1.009 hộ.', { region: '58' })).toEqual([
      ['poor_households', '58-ninh-son', '2019', 2638, 'poor'], ['poor_households', '58-bac-ai', '2019', 2601, 'poor'],
      ['poor_households', '58-tp-phan-rang-thap-cham', '2019', 1009, 'poor'],
    ]);
  });
});

describe('figures that are not a place\'s level', () => {
  it('passes over a bound that a list of places shares, and the parts of a total after "trong đó"', () => {
    expect(read('Năm 2024, các tỉnh có thu nhập bình quân trên 6 triệu đồng/người/tháng là Bình Dương, Đồng Nai, Hà Nội.')).toEqual([]);
    expect(read('Năm 2023, 8 huyện, thị xã có tỷ lệ hộ nghèo dưới 2%.', { region: '42' })).toEqual([]);
    expect(read('Năm 2023, có 3 huyện tỷ lệ hộ nghèo trên 10% là Hương Khê (12,1%), Vũ Quang (11,2%).', { region: '42' })).toEqual([
      ['poverty_rate', '42-huong-khe', '2023', 12.1, 'unknown'], ['poverty_rate', '42-vu-quang', '2023', 11.2, 'unknown'],
    ]);
    expect(read('Năm 2018, tỉnh đã nâng tổng số xã nông thôn mới lên 45 xã, chiếm hơn 50% tổng số xã.', { region: '86' }).map((r) => r[0])).toEqual(['new_rural_communes', 'new_rural_share']);
    expect(read('Năm 2023, quỹ khuyến học toàn tỉnh có 40,5 tỷ đồng, trong đó quỹ cấp tỉnh có 2,1 tỷ đồng.', { region: '38' })).toEqual([
      ['social_support', '38', '2023', 40.5, 'study_fund'],
    ]);
  });

  it('passes over households helped and shares of the poor, and dates a bracketed figure by the year before it', () => {
    expect(read('Năm 2023, 100% hộ nghèo được cấp thẻ bảo hiểm y tế; 1.500 hộ nghèo được hỗ trợ nhà ở.', { region: '42' })).toEqual([]);
    expect(read('Năm 2023, hộ nghèo chiếm 3,5% tổng số hộ; 75% số hộ nghèo là người dân tộc thiểu số.', { region: '42' })).toEqual([['poverty_rate', '42', '2023', 3.5, 'unknown']]);
    expect(read('Tỷ lệ hộ nghèo cuối năm 2023 là 2,5%, giảm 1,07% so với năm 2022 (3,57%).', { region: '42' })).toEqual([
      ['poverty_rate', '42', '2023', 2.5, 'unknown'], ['poverty_rate', '42', '2022', 3.57, 'unknown'],
    ]);
    expect(read('Năm 2023, tỷ lệ hộ nghèo 2,5% (năm 2022 là 3,1%).', { region: '42' })).toEqual([
      ['poverty_rate', '42', '2023', 2.5, 'unknown'], ['poverty_rate', '42', '2022', 3.1, 'unknown'],
    ]);
    expect(read('Năm 2023, tỷ lệ hộ nghèo của tỉnh là 3,5%, thấp hơn mức bình quân cả nước (2,93%).', { region: '42' })).toEqual([
      ['poverty_rate', '42', '2023', 3.5, 'unknown'], ['poverty_rate', 'VN', '2023', 2.93, 'unknown'],
    ]);
  });

  it('does not read a poverty line as income, nor a related article\'s headline as the report\'s', () => {
    expect(read('Năm 2024, mức chuẩn nghèo khu vực nông thôn là 1,5 triệu đồng/người/tháng, khu vực thành thị là 2 triệu đồng/người/tháng.', { region: '42' })).toEqual([]);
    expect(read('Năm 2023, tỷ lệ hộ nghèo còn 2,5%.\nTin liên quan\nHà Tĩnh: 95% xã đạt chuẩn nông thôn mới (12/01/2024)', { region: '42' })).toEqual([['poverty_rate', '42', '2023', 2.5, 'unknown']]);
  });

  it('does not read output per person as income, nor carry "đảng viên học tập" past a comma to another figure', () => {
    expect(read('Năm 2023, GRDP bình quân đầu người đạt 80 triệu đồng, thu nhập bình quân đầu người đạt 45 triệu đồng.', { region: '46' }).map((r) => r[3])).toEqual([45]);
    expect(read('Năm 2023 có 98% đảng viên tham gia học tập chuyên đề, 100% chi bộ đăng ký.', { region: '46' }).map((r) => [r[0], r[3]])).toEqual([['study_participation', 98]]);
  });

  it('gives "so với cả nước (2,93%)" to the country, and the end of a change over a range to its last year', () => {
    expect(read('Năm 2023, tỷ lệ hộ nghèo của tỉnh là 3,5%; so với cả nước (2,93%) cao hơn 0,57 điểm phần trăm.', { region: '42' })).toEqual([
      ['poverty_rate', '42', '2023', 3.5, 'unknown'], ['poverty_rate', 'VN', '2023', 2.93, 'unknown'],
    ]);
    expect(read('Trong 3 năm (2021-2023), toàn tỉnh đã giảm được 12.000 hộ nghèo, từ 5,2% xuống còn 2,5%.', { region: '42' })).toEqual([['poverty_rate', '42', '2023', 2.5, 'unknown']]);
  });

  it('passes over children\'s poverty, households leaving near-poverty and a plan\'s figure in brackets', () => {
    expect(read('Năm 2023 toàn tỉnh có tỷ lệ trẻ em nghèo đa chiều 8,5%.', { region: '42' })).toEqual([]);
    expect(read('Số hộ cận nghèo thoát cận nghèo năm 2023 là 1.500 hộ.', { region: '42' })).toEqual([]);
    expect(read('Năm 2023 tỷ lệ hộ nghèo còn 3,5%, đạt chỉ tiêu Nghị quyết đề ra (dưới 4%).', { region: '42' })).toEqual([['poverty_rate', '42', '2023', 3.5, 'unknown']]);
  });

  it('does not take a province named in a list of places for the report\'s own', () => {
    const x = extractReport('Năm 2023, các tỉnh Bắc Ninh, Vĩnh Phúc, Hải Phòng có tỷ lệ hộ nghèo thấp. Tỷ lệ hộ nghèo chung còn 2,93%.', { file: 'r.txt' });
    expect(x.report.region).toBeNull();
    expect(x.observations.map((o) => o.region)).toEqual(['']);
    expect(x.warnings.map((w) => w.code)).toContain('EXTRACT_NO_REGION');
    expect(extractReport('Hà Tĩnh: năm 2023, tỷ lệ hộ nghèo còn 2,1%, thấp hơn Nghệ An, Quảng Bình.', { file: 'r.txt' }).report.region).toBe('42');
  });

  it('dates a bracket opened after a year by that year, and passes over a sub-group named after the group', () => {
    expect(read('Năm 2023, toàn tỉnh có 1.500 hộ nghèo (chiếm 1,2%); so với năm 2022 (2.100 hộ, chiếm 1,7%) giảm 600 hộ.', { region: '42' }).map((r) => [r[0], r[2], r[3]])).toEqual([
      ['poor_households', '2023', 1500], ['poverty_rate', '2023', 1.2], ['poor_households', '2022', 2100], ['poverty_rate', '2022', 1.7],
    ]);
    expect(read('Năm 2023, có 1.200 hộ nghèo thiếu hụt về nhà ở, 800 hộ nghèo là người dân tộc thiểu số.', { region: '42' })).toEqual([]);
  });

  it('reads a rate whose poor and near-poor parts add up to it as both groups together', () => {
    expect(read('Tỷ lệ hộ nghèo đa chiều năm 2023 là 5,71%, trong đó tỷ lệ hộ nghèo 2,93%, tỷ lệ hộ cận nghèo 2,78%.', { region: 'VN' })).toEqual([
      ['poor_near_poor_rate', 'VN', '2023', 5.71, 'unknown'], ['poverty_rate', 'VN', '2023', 2.93, 'unknown'], ['near_poor_rate', 'VN', '2023', 2.78, 'unknown'],
    ]);
  });

  it('counts commendations "by award" (lượt) and leaves the parts after "trong đó" out', () => {
    expect(read('Sau 3 năm, đã có 3.500 tập thể, 5.200 lượt cá nhân được biểu dương, khen thưởng; trong đó Thủ tướng tặng bằng khen 2 tập thể, 3 cá nhân.', { region: '42', period: '2024' }).map((r) => [r[3], r[4]])).toEqual([
      [3500, 'collective'], [5200, 'individual'],
    ]);
  });

  it('does not read a budget allocated as money raised', () => {
    expect(read('Năm 2023, huyện Mường Nhé được phân bổ kinh phí 120 tỷ đồng.', { region: '11' })).toEqual([]);
  });

  it('gives an area outside the six regions no figure, and the country its own after "trung bình của cả nước là"', () => {
    expect(read('Năm 2010, vùng Đông Nam Bộ có tỷ lệ hộ nghèo thấp nhất (2,1%), vùng Tây Bắc cao nhất (32,5%).')).toEqual([['poverty_rate', 'R5', '2010', 2.1, 'unknown']]);
    expect(read('Năm 2012, Nghệ An đạt bình quân 6,2 tiêu chí/xã so với mức trung bình của cả nước là 7,5 tiêu chí/xã.')).toEqual([
      ['new_rural_criteria_avg', '40', '2012', 6.2, null], ['new_rural_criteria_avg', 'VN', '2012', 7.5, null],
    ]);
  });

  it('reads a commune written with its district in brackets, and "trên địa bàn" as the district just named', () => {
    expect(read('Năm 2020, xã Sơn Lộc (Can Lộc) có 120 hộ nghèo, Trung Lộc (Can Lộc) 95 hộ nghèo.', { region: '42' })).toEqual([
      ['poor_households', '42-can-loc-son-loc', '2020', 120, 'poor'], ['poor_households', '42-can-loc-trung-loc', '2020', 95, 'poor'],
    ]);
    expect(read('Huyện Cẩm Xuyên có 20 tiêu chí đạt. Năm 2022, 100% xã trên địa bàn đạt chuẩn nông thôn mới.', { region: '42' })).toEqual([
      ['new_rural_share', '42-cam-xuyen', '2022', 100, 'standard'],
    ]);
  });

  it('gives the second figure of "lần lượt" the group its sentence paired before', () => {
    expect(read('Năm 2022, vùng Tây Nguyên cao nhất về cả tỷ lệ hộ nghèo và cận nghèo (lần lượt là 9,1% và 5,2%), vùng Đồng bằng sông Hồng có tỷ lệ hộ nghèo thấp nhất với tỷ lệ lần lượt là 0,6% và 1,1%.')).toEqual([
      ['poverty_rate', 'R4', '2022', 9.1, 'unknown'], ['near_poor_rate', 'R4', '2022', 5.2, 'unknown'],
      ['poverty_rate', 'R1', '2022', 0.6, 'unknown'], ['near_poor_rate', 'R1', '2022', 1.1, 'unknown'],
    ]);
  });
});
