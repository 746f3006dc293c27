import { describe, expect, test } from 'vitest';
import { hoistBodyStyles } from '../../src/lib/hoist-styles.ts';

const islandStyle = '<style>astro-island,astro-slot,astro-static-slot{display:contents}</style>';

describe('moving the body’s styles into the head', () => {
  test('moves every style of the body to the end of the head, in their order, and leaves the rest as it was', () => {
    const html =
      '<!DOCTYPE html><html lang="vi"><head><title>x</title><link rel="stylesheet" href="/a.css"><style>.a{color:red}</style></head>' +
      `<body><h1>T</h1>${islandStyle}<script>1</script><astro-island></astro-island><div><style is:inline>.b{}</style></div></body></html>`;
    expect(hoistBodyStyles(html)).toBe(
      '<!DOCTYPE html><html lang="vi"><head><title>x</title><link rel="stylesheet" href="/a.css"><style>.a{color:red}</style>' +
        `${islandStyle}<style is:inline>.b{}</style></head>` +
        '<body><h1>T</h1><script>1</script><astro-island></astro-island><div></div></body></html>',
    );
  });

  test('leaves a style written inside a script or a noscript where it is', () => {
    const body = '<body><script>const s = "<style>.c{}</style>";</script><noscript><style>.d{}</style></noscript></body>';
    const html = `<html><head><title>x</title></head>${body}</html>`;
    expect(hoistBodyStyles(html)).toBe(html);
  });

  test('leaves a page without a style in its body, or without a head, unchanged', () => {
    const clean = '<html><head><style>.a{}</style></head><body><p>ok</p></body></html>';
    expect(hoistBodyStyles(clean)).toBe(clean);
    const fragment = `<p>x</p>${islandStyle}`;
    expect(hoistBodyStyles(fragment)).toBe(fragment);
  });
});
