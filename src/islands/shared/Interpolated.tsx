// A translated sentence whose values are elements, not strings: a Vietnamese name on an English
// page is marked lang="vi" where it stands ("Hello, <span lang="vi">Nguyễn Văn A</span>.").
import { Fragment, type ReactNode } from 'react';
import type { Translate } from '../translator.ts';

// Never in a translation: marks where each value goes in the translated text.
const mark = '\u0000';

export function Interpolated({ t, name, values }: { t: Translate; name: string; values: Record<string, ReactNode> }) {
  const marked = Object.fromEntries(Object.keys(values).map((key) => [key, `${mark}${key}${mark}`]));
  // Split by the marks, the odd parts are the values' names.
  const parts = t(name, marked).split(mark);
  return <>{parts.map((part, index) => <Fragment key={index}>{index % 2 === 1 ? values[part] : part}</Fragment>)}</>;
}

/** The lang of data written in Vietnamese (site names, addresses, staff names) on a page in `locale`. */
export const vietnameseData = (locale: string) => (locale === 'vi' ? undefined : 'vi');
