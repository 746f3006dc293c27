// A sign-up link's address in a read-only box the officer can select or copy with one press.
import { useState } from 'react';
import { Field } from '../../shared/Field.tsx';
import type { Translate } from '../../translator.ts';

export function UrlField({ id, label, hint, copyLabel, url, t }: { id: string; label: string; hint?: string; copyLabel: string; url: string; t: Translate }) {
  const [copied, setCopied] = useState(false);
  return (
    <Field id={id} label={label} hint={hint}>
      {(control) => (
        <>
          <input {...control} type="url" readOnly value={url} onFocus={(event) => event.currentTarget.select()} />
          <button type="button" className="button button-secondary" onClick={() => void navigator.clipboard?.writeText(url).then(() => setCopied(true))}>
            {copyLabel}
          </button>
          <span aria-live="polite">{copied ? ` ${t('staffLinks:actions.copied')}` : ''}</span>
        </>
      )}
    </Field>
  );
}
