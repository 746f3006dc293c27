// The stop page of a message's link (/{lang}/messages/stop/#t=TOKEN): a button stops the messages
// to the phone the message went to. A button, not the opening of the page: a chat app's link
// preview, or a second look at the page, must not stop anything.
import { useState } from 'react';
import { errorMessageKey } from '../../domain/errors.ts';
import { stopMessagesAnswerSchema, stopTokenFrom } from '../../domain/outbox.ts';
import { rpc } from '../../lib/public-api.ts';
import { useFragment } from '../shared/use-fragment.ts';
import { createTranslator, type Messages } from '../translator.ts';
import type { Locale } from '../../i18n/config.ts';

type State = { kind: 'ready' } | { kind: 'sending' } | { kind: 'done'; phone: string } | { kind: 'failed'; message: string };

export default function StopIsland({ locale, messages }: { locale: Locale; messages: Messages }) {
  const t = createTranslator(locale, messages);
  const [fragment] = useFragment();
  const token = stopTokenFrom(fragment);
  const [state, setState] = useState<State>({ kind: 'ready' });

  if (!token) return <p className="notice notice-error">{t('common:stop.notFound')}</p>;
  if (state.kind === 'done') {
    return (
      <div className="notice" role="status">
        <p>{t('common:stop.done', { phone: state.phone })}</p>
        <p>{t('common:stop.again')}</p>
      </div>
    );
  }

  async function stop(stopToken: string) {
    setState({ kind: 'sending' });
    const result = await rpc('stop_messages', { p_token: stopToken }, stopMessagesAnswerSchema);
    if (result.ok) return setState({ kind: 'done', phone: result.data.phone_masked });
    if ('network' in result) return setState({ kind: 'failed', message: t('common:stop.network') });
    setState({ kind: 'failed', message: result.refusal.code === 'not_found' ? t('common:stop.notFound') : t(errorMessageKey(result.refusal.code)) });
  }

  return (
    <>
      <p>{t('common:stop.lead')}</p>
      <div aria-live="polite">{state.kind === 'failed' && <p className="notice notice-error">{state.message}</p>}</div>
      <button type="button" className="button" disabled={state.kind === 'sending'} onClick={() => void stop(token)}>
        {state.kind === 'sending' ? t('common:stop.working') : t('common:stop.button')}
      </button>
    </>
  );
}
