// A large SEEDED synthetic table (not real figures): poverty rates of the 63 provinces and the country,
// 20 years, 50 series: 64,000 observations, past the dashboard's 50,000 threshold. `?preaggregate=`
// sets the dashboard's option before the data arrives.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const PROVINCES = ['01', '02', '04', '06', '08', '10', '11', '12', '14', '15', '17', '19', '20', '22', '24', '25', '26', '27', '30', '31', '33', '34', '35', '36', '37', '38', '40', '42', '44', '45', '46', '48', '49', '51', '52', '54', '56', '58', '60', '62', '64', '66', '67', '68', '70', '72', '74', '75', '77', '79', '80', '82', '83', '84', '86', '87', '89', '91', '92', '93', '94', '95', '96'];
const rnd = prng(20251122);
const rows = [];
for (const region of [...PROVINCES, 'VN']) {
  for (let y = 2005; y < 2025; y++) {
    for (let s = 0; s < 50; s++) {
      rows.push({
        indicator: 'poverty_rate', region, period: String(y), series: `s${String(s).padStart(2, '0')}`,
        value: rnd() < 0.04 ? null : Math.round(rnd() * 4000) / 100, qualifier: null, denominator: null,
        unit: '%', status: y === 2016 ? 'preliminary' : 'final', source: 'synthetic.csv', quote: null,
      });
    }
  }
}
const dashboard = document.getElementById('d');
const mode = new URL(location.href).searchParams.get('preaggregate');
if (mode) dashboard.setAttribute('preaggregate', mode);
customElements.whenDefined('chiso-dashboard').then(() => {
  dashboard.data = rows;
});

// `?connector=slow`: the same rows behind a connector that answers late and out of order (0, 60 or
// 120 ms), as a server would; the views must end with the answers to the latest selection.
if (new URL(location.href).searchParams.get('connector') === 'slow') {
  customElements.whenDefined('chiso-dashboard').then(async () => {
    await dashboard.updateComplete;
    const inner = dashboard.coordinator.connector;
    let n = 0;
    const slow = {
      name: 'slow',
      asked: 0,
      query(spec, options) {
        slow.asked++;
        const delay = (n++ % 3) * 60;
        return new Promise((resolve) => setTimeout(resolve, delay)).then(() => inner.query(spec, options));
      },
    };
    window.__slow = slow;
    dashboard.connector = slow;
  });
}
