// The coordinator's page: the token from the address's fragment opens the roster of the link;
// the coordinator can remove an entry made by mistake.
import { useMemo, useState } from 'react';
import { networkErrorKey, refusalMessage, type Refusal } from '../../domain/errors.ts';
import { linkRosterSchema, type LinkRoster as Roster } from '../../domain/link-roster.ts';
import { tokenFrom } from '../../domain/join-link.ts';
import type { Locale } from '../../i18n/config.ts';
import { rpc } from '../../lib/public-api.ts';
import { RetryNotice } from '../shared/RetryNotice.tsx';
import { useRead } from '../shared/use-read.ts';
import { createTranslator, type Messages } from '../translator.ts';
import { LinkRoster } from './LinkRoster.tsx';

async function readRoster(token: string): Promise<Roster | Refusal | 'network'> {
  const answer = await rpc('coordinator_roster', { p_token: token }, linkRosterSchema);
  return answer.ok ? answer.data : 'network' in answer ? 'network' : answer.refusal;
}

export default function CoordinatorIsland({ locale, messages }: { locale: Locale; messages: Messages }) {
  const t = createTranslator(locale, messages);
  const [token] = useState(() => tokenFrom(location.hash));
  const [roster, setRoster] = useState<Roster | Refusal | 'network'>();

  const read = useMemo(() => (token ? () => readRoster(token) : null), [token]);
  const load = useRead(read, setRoster);

  if (!token) return <p className="notice notice-error">{t('join:coordinator.noToken')}</p>;
  if (roster === undefined) return <p aria-live="polite">{t('join:coordinator.loading')}</p>;
  if (roster === 'network' || 'code' in roster) {
    const text = roster === 'network' ? t(networkErrorKey) : roster.code === 'not_found' ? t('join:coordinator.noToken') : t(refusalMessage(roster).key);
    return <RetryNotice text={text} retryLabel={t('join:page.retry')} onRetry={() => void load()} />;
  }

  async function remove(entry: { code: string }): Promise<string | null> {
    const answer = await rpc('coordinator_remove_entry', { p_token: token!, p_code: entry.code }, linkRosterSchema);
    if (answer.ok) {
      setRoster(answer.data);
      return null;
    }
    if ('network' in answer) return t(networkErrorKey);
    // not_found here is about the entry or this coordinator link, not a booking code and phone.
    if (answer.refusal.code === 'not_found') return t('join:coordinator.removeNotFound');
    const { key, values } = refusalMessage(answer.refusal);
    return t(key, values);
  }

  return (
    <>
      <p className="notice notice-warning" data-print-hide>
        {t('join:coordinator.private')}
      </p>
      <LinkRoster locale={locale} t={t} roster={roster} onRemove={remove} onRefresh={() => void load()} />
    </>
  );
}
