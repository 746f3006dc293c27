// A link of an organisation's sign-up in a box whose label, colour and words say who it is for, so
// an officer never sends one for the other: the public sign-up link goes to everyone at the
// organisation; the coordinator's private link opens the list of the people signed up, with their
// dates of birth, and can remove them, so it goes to the coordinator alone.
import type { Translate } from '../../translator.ts';
import { UrlField } from './UrlField.tsx';

interface Props {
  t: Translate;
  kind: 'public' | 'private';
  id: string;
  org: string;
  url: string;
}

export function LinkBox({ t, kind, id, org, url }: Props) {
  const label = kind === 'public' ? t('staffLinks:created.share') : t('staffLinks:created.coordinator');
  const copyLabel = kind === 'public' ? t('staffLinks:actions.copy') : t('staffLinks:actions.copyCoordinator');
  return (
    <div className={`link-box link-box-${kind}`}>
      <p className="link-box-tag">{t(`staffLinks:linkKind.${kind}`)}</p>
      {kind === 'private' && <p className="link-box-warning">{t('staffLinks:created.coordinatorWarning', { org })}</p>}
      <UrlField id={id} label={label} hint={t(`staffLinks:linkFor.${kind}`, { org })} copyLabel={copyLabel} url={url} t={t} />
    </div>
  );
}
