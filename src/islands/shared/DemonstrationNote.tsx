// Said on a session or ticket of a campaign whose figures are made up for the demonstration
// (campaigns.demonstration), so no one books or prints it for real; the twin of
// src/components/DemonstrationNote.astro, with the same words (its page passes demonstrationKeys).
import type { Translate } from '../translator.ts';

export function DemonstrationNote({ t }: { t: Translate }) {
  return (
    <p className="demonstration">
      <strong>{t('common:demonstration.label')}</strong> {t('common:demonstration.note')}
    </p>
  );
}
