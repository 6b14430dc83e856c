// HTML reports: markup stripped without a DOM, entities decoded, script and style never read.
import { describe, expect, it } from 'vitest';
import { decodeEntities, extractReport, htmlToText, looksLikeHtml } from '../../src/extract/index.js';
import { read } from './fixture.js';

const PAGE = `<!DOCTYPE html>
<html><head><title>Tin 100% giả</title>
<style>.x::after { content: "tỷ lệ hộ nghèo còn 9,99%" }</style>
<script>var t = "tỷ lệ hộ nghèo còn 7,77%"; document.write("<p>có 55 xã đạt chuẩn nông thôn mới</p>");</script>
</head><body>
<div class="menu">Sign In</div>
<h1>Đảng bộ huyện Đức Thọ đẩy mạnh học tập</h1>
<p class="date">20:01 07/05/2024</p>
<p>Đến nay, thu nhập b&igrave;nh qu&acirc;n đầu người của <b>huyện Đức Thọ</b> đạt 60,2&nbsp;triệu đồng/người/năm;
t&#7927; l&#x1EC7; hộ nghèo còn <span data-x="a>b">3,58%</span>; toàn huyện có 08 xã đạt chuẩn nông thôn mới kiểu mẫu.</p>
<SCRIPT type="text/javascript">alert("13 tập thể và 21 cá nhân được khen thưởng")</SCRIPT>
<!-- <p>có 99 xã đạt chuẩn nông thôn mới</p> -->
<p>Ban Thường vụ Huyện ủy biểu dương, khen thưởng 13 tập thể &amp; 21 cá nhân.</p>
<div>Số lần đọc: 3080</div>
<script>
  // unclosed at the end of the page: everything after it is dropped
  var n = "có 77 xã đạt chuẩn nông thôn mới";
</body></html>`;

describe('HTML to text', () => {
  const text = htmlToText(PAGE);

  it('drops script, style, head, comments and tags, keeping the words', () => {
    expect(text).not.toMatch(/<|>|alert|document\.write|content:|var |Tin 100%/);
    expect(text).not.toMatch(/9,99|7,77|55 xã|99 xã|77 xã/);
    expect(text).toContain('thu nhập bình quân đầu người của huyện Đức Thọ đạt 60,2\u00a0triệu đồng/người/năm;');
  });

  it('decodes named and numeric entities', () => {
    expect(text).toContain('tỷ lệ hộ nghèo còn 3,58%');
    expect(text).toContain('13 tập thể & 21 cá nhân');
    expect(decodeEntities('&lt;b&gt; &#39;x&#39; &unknown; &#0; &#x110000;')).toBe("<b> 'x' &unknown; \ufffd \ufffd");
  });

  it('puts block elements on lines of their own', () => {
    expect(text.split('\n')).toContain('Sign In');
    expect(text.split('\n')).toContain('Số lần đọc: 3080');
  });

  it('tells markup from text', () => {
    expect(looksLikeHtml(PAGE)).toBe(true);
    expect(looksLikeHtml(read('data/seeds/raw/002_8f0ff18a4f7cf0ed.txt'))).toBe(false);
  });
});

describe('extraction from an HTML report', () => {
  const x = extractReport(PAGE, { file: 'duc-tho.html' });
  const byIndicator = (id: string) => x.observations.filter((o) => o.indicator === id);

  it('reads the figures of the page text and nothing from scripts, styles or comments', () => {
    expect(x.report.format).toBe('html');
    expect(x.observations.map((o) => [o.indicator, o.value])).toEqual([
      ['income_per_capita', 60.2],
      ['poverty_rate', 3.58],
      ['new_rural_communes', 8],
      ['commendations', 13],
      ['commendations', 21],
    ]);
    for (const o of x.observations) {
      expect(o.quote).not.toMatch(/script|alert|<|>|var |&amp;|&#/i);
      expect(x.text.slice(o.start, o.end)).toBe(o.quote);
    }
  });

  it('takes region and date from the page', () => {
    expect(x.report.region).toBe('42-duc-tho');
    expect(x.report.date).toBe('2024-05-07');
    expect(byIndicator('poverty_rate')[0]).toMatchObject({ region: '42-duc-tho', period: '2024-05-07', unit: '%' });
    expect(byIndicator('income_per_capita')[0].quote).toBe('thu nhập bình quân đầu người của huyện Đức Thọ đạt 60,2\u00a0triệu đồng/người/năm');
  });

  it('is the same extraction when told the format', () => {
    expect(extractReport(PAGE, { file: 'duc-tho.html', format: 'html' }).observations).toEqual(x.observations);
  });
});
