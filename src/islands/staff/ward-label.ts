// What the units of the lowest level an officer picks from are called: xã, phường and thị trấn in
// the 2021 set; xã, phường and đặc khu in the 2025 set, which has no thị trấn.
import type { Translate } from '../translator.ts';

export function wardLabel(t: Translate, unitSet: string): string {
  return unitSet === '2025' ? t('staff:site.ward.2025') : t('staff:site.ward.2021');
}
