// Runs for every page as it is built (and in dev): the pages' HTML leaves with no <style> in its body.
import { defineMiddleware } from 'astro:middleware';
import { hoistBodyStyles } from './lib/hoist-styles.ts';

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  const headers = new Headers(response.headers);
  // The body's length changes.
  headers.delete('content-length');
  return new Response(hoistBodyStyles(await response.text()), { status: response.status, statusText: response.statusText, headers });
});
