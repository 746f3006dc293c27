// Vietnamese data (place names, addresses, access notes, unit and people's names) on an English
// page must carry lang="vi", or a screen reader reads it with English rules. A text written with
// Vietnamese letters is taken for Vietnamese data.
import type { Page } from '@playwright/test';

/** The texts on the page written with Vietnamese letters whose nearest `lang` is not "vi". */
export function unmarkedVietnamese(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const letter = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/iu;
    const isVietnamese = (text: string) => {
      const words = text.split(/[^\p{L}]+/u).filter(Boolean);
      return words.filter((word) => letter.test(word)).length * 2 >= words.length && words.some((word) => letter.test(word));
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const found: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('script, style, template, noscript')) continue;
      const text = node.textContent?.trim() ?? '';
      if (isVietnamese(text) && parent.closest('[lang]')?.getAttribute('lang') !== 'vi') found.push(text);
    }
    return found;
  });
}
