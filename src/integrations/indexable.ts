// Which built pages belong in the sitemap: those whose own HTML does not ask search engines to stay
// away (the layout writes `noindex` for staff pages, token links and the like). One source: the page.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const noindex = /<meta name="robots" content="[^"]*noindex/;

/** A filter for @astrojs/sitemap: true for a page of `outDir` that is HTML and indexable. */
export function indexablePage(outDir: string): (url: string) => boolean {
  return (url) => {
    const { pathname } = new URL(url);
    const file = path.join(outDir, decodeURIComponent(pathname), pathname.endsWith('/') ? 'index.html' : '');
    try {
      return !noindex.test(readFileSync(file, 'utf8'));
    } catch {
      return false;
    }
  };
}
