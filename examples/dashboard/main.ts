// The demo page: chiso's elements and a language switch. Page texts are set with textContent.
import '../../src/components/index.js';

const texts = {
  vi: {
    title: 'Chỉ số kinh tế – xã hội: nghèo, thu nhập, học tập và làm theo Bác',
    language: 'Ngôn ngữ',
    country: 'Cả nước theo tỉnh',
    northcentral: 'Bắc Trung Bộ và duyên hải miền Trung, từng tỉnh',
    ductho: 'Huyện Đức Thọ (Hà Tĩnh), báo cáo 07/05/2024',
    kyanh: 'Thị xã Kỳ Anh (Hà Tĩnh), 2022',
  },
  en: {
    title: 'Socio-economic indicators: poverty, income, studying and following Ho Chi Minh',
    language: 'Language',
    country: 'The country by province',
    northcentral: 'North Central and Central Coast, province by province',
    ductho: 'Đức Thọ district (Hà Tĩnh), report of 7 May 2024',
    kyanh: 'Kỳ Anh town (Hà Tĩnh), 2022',
  },
} as const;
type Lang = keyof typeof texts;

function setLang(lang: Lang): void {
  document.documentElement.lang = lang;
  document.querySelector('chiso-dashboard')?.setAttribute('lang', lang);
  for (const el of document.querySelectorAll<HTMLElement>('[data-text]')) {
    const key = el.dataset.text as keyof (typeof texts)['vi'];
    el.textContent = texts[lang][key];
  }
  document.title = `chiso — ${texts[lang].title}`;
  const url = new URL(location.href);
  url.searchParams.set('lang', lang);
  history.replaceState(history.state, '', url);
}

const select = document.querySelector<HTMLSelectElement>('#lang')!;
const initial: Lang = new URL(location.href).searchParams.get('lang') === 'en' ? 'en' : 'vi';
select.value = initial;
setLang(initial);
select.addEventListener('change', () => setLang(select.value === 'en' ? 'en' : 'vi'));
