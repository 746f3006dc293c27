// robots.txt, written at build so it can name the sitemap at the site's own address (SITE_URL).
import type { APIRoute } from 'astro';
import { locales } from '../i18n/config.ts';

// The staff console, and links that carry a booking or sign-up token (their pages say noindex too).
const privateAreas = ['staff', 'booking', 'join'];

export const GET: APIRoute = ({ site }) => {
  const lines = [
    'User-agent: *',
    'Allow: /',
    ...locales.flatMap((locale) => privateAreas.map((area) => `Disallow: /${locale}/${area}/`)),
    `Sitemap: ${new URL('/sitemap-index.xml', site).href}`,
  ];
  return new Response(`${lines.join('\n')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
