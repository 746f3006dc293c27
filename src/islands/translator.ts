// Islands translate with the strings i18next resolved for them on the server (messagesFor in
// src/i18n/island-messages.ts): keys, plural forms by Intl.PluralRules, {{var}} interpolation.
// i18next itself would add 16 KB of JavaScript to every island page, a sixth of the budget.
export type Messages = Record<string, string>;
export type Translate = (key: string, values?: Record<string, string | number>) => string;

export function createTranslator(locale: string, messages: Messages): Translate {
  const plurals = new Intl.PluralRules(locale);
  return (key, values = {}) => {
    const count = values.count;
    const template =
      (typeof count === 'number' ? messages[`${key}_${plurals.select(count)}`] ?? messages[`${key}_other`] : undefined) ??
      messages[key] ??
      key;
    return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
  };
}
