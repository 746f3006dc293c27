// HTML allows <style> in <head> only, yet Astro writes its islands' rule
// (`astro-island,astro-slot,astro-static-slot{display:contents}`) into <body> before the first island
// (withastro/astro#13832), and a component's `is:inline` style stays where it stands. This moves every
// <style> of the body to the end of the head, in their order: they still come after every stylesheet
// the head had, as before, so the cascade is the same. Scripts and noscript are passed over whole, so
// neither a string in a script nor a style meant only for pages without script is moved.
const bodyElements = /<script\b[\s\S]*?<\/script\s*>|<noscript\b[\s\S]*?<\/noscript\s*>|<style\b[^>]*>[\s\S]*?<\/style\s*>/gi;

export function hoistBodyStyles(html: string): string {
  const bodyStart = html.search(/<body\b/i);
  const headEnd = bodyStart < 0 ? -1 : html.slice(0, bodyStart).search(/<\/head\s*>/i);
  if (headEnd < 0) return html;
  const styles: string[] = [];
  const body = html.slice(bodyStart).replace(bodyElements, (element) => {
    if (!/^<style/i.test(element)) return element;
    styles.push(element);
    return '';
  });
  if (styles.length === 0) return html;
  return html.slice(0, headEnd) + styles.join('') + html.slice(headEnd, bodyStart) + body;
}
