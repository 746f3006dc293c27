// Keys of the `consent` namespace (src/i18n/locales/{vi,en}/consent.json): the consent and privacy
// texts of the citizen forms, one version per law on personal data (the ids of
// src/content/law/consent-texts.json). Each form shows `<id>.<form>.what`, `.keep` and `<id>.rights`
// of the text in force on the day, then `basis` with the law it follows.
import { z } from 'zod';
import { text } from './text.ts';

const version = (id: string, law: string) => ({
  [`${id}.rights`]: text(`The person's rights over their data, under ${law}`),
  [`${id}.book.what`]: text(`Booking form: what is collected, what for and who sees it (${law})`),
  [`${id}.book.keep`]: text(`Booking form: how long it is kept ({{days}}: the retention period in days) and how consent is withdrawn (${law})`),
  [`${id}.join.what`]: text(`Sign-up link form: what is collected, what for and who sees it (${law})`),
  [`${id}.join.keep`]: text(`Sign-up link form: how long it is kept ({{days}}: the retention period in days) and how consent is withdrawn (${law})`),
  [`${id}.homeVisit.what`]: text(`Home-visit form: what is collected, what for and who sees it (${law})`),
  [`${id}.homeVisit.keep`]: text(`Home-visit form: how long it is kept ({{days}}: the retention period in days) and how consent is withdrawn (${law})`),
  [`${id}.organisations.what`]: text(`Organisation request form: what is collected, what for and who sees it (${law})`),
  [`${id}.organisations.keep`]: text(`Organisation request form: how long it is kept ({{days}}: the retention period in days) (${law})`),
});

export const consentSchema = z.strictObject({
  basis: text('Last line of a consent text: the law it follows; {{source}} is its name and number'),
  ...version('decree-13-2023', 'Decree 13/2023/NĐ-CP, in force until 31 Dec 2025'),
  ...version('law-91-2025', 'the Personal Data Protection Law 91/2025/QH15, in force from 1 Jan 2026; location is personal data'),
});
