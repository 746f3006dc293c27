// "My old address": a reader who knows only their 2021 ward types its name (tone marks optional)
// and sees which of today's communes it became ("Phường Phú Hội → Phường Thuận Hoá"), with a
// button to the sessions of each one in the campaign's province. Fetched when OldAddress opens.
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import type { output } from 'zod/mini';
import { unitName } from '../../domain/unit-name.ts';
import { oldWardAnswer } from '../../domain/units.ts';
import type { Locale } from '../../i18n/config.ts';
import { rpc } from '../../lib/public-api.ts';
import { Interpolated } from '../shared/Interpolated.tsx';
import { TextField } from '../shared/TextField.tsx';
import type { Translate } from '../translator.ts';

type Lookup = { status: 'idle' | 'loading' | 'network' } | { status: 'done'; wards: output<typeof oldWardAnswer>['wards'] };

export interface Props {
  locale: Locale;
  t: Translate;
  /** The campaign's province: only its communes have sessions to show. */
  provinceCode: string;
  /** A name or 2021 code to look up as soon as it opens. */
  prefill?: string | undefined;
  onChoose: (communeCode: string) => void;
}

const inputId = 'old-address-query';

export function OldAddressLookup({ locale, t, provinceCode, prefill, onChoose }: Props) {
  const [query, setQuery] = useState(prefill ?? '');
  const [error, setError] = useState<string>();
  const [lookup, setLookup] = useState<Lookup>({ status: 'idle' });
  const latest = useRef(0);
  // A Vietnamese-only name on an English page says so; 2025 names have an English one.
  const named = (unit: { name: string; name_en?: string | null }) => {
    const name = unitName({ name: unit.name, name_en: unit.name_en ?? null }, locale);
    return <span lang={name.lang === locale ? undefined : name.lang}>{name.text}</span>;
  };

  async function find(typed: string) {
    const id = ++latest.current;
    setLookup({ status: 'loading' });
    const result = await rpc('old_ward_lookup', { p_query: typed }, oldWardAnswer);
    if (id !== latest.current) return;
    setLookup(result.ok ? { status: 'done', wards: result.data.wards } : { status: 'network' });
  }

  function submit(event: SubmitEvent) {
    event.preventDefault();
    const typed = query.trim();
    if (Array.from(typed).length < 2) return setError(t('schedules:oldAddress.required'));
    setError(undefined);
    void find(typed);
  }

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the prefilled code is looked up once, when the lookup first appears (a request to the database, an effect's job)
    if (prefill) void find(prefill);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only on the first render: a later prefill is not the reader's query
  }, []);

  return (
    <>
      <p>{t('schedules:oldAddress.intro')}</p>
      <form noValidate onSubmit={submit}>
        <TextField
          id={inputId}
          label={t('schedules:oldAddress.label')}
          hint={t('schedules:oldAddress.hint')}
          error={error}
          errorPrefix={t('common:form.errorPrefix')}
          value={query}
          onValue={setQuery}
          autoComplete="off"
        />
        <button type="submit" className="button button-secondary">
          {t('schedules:oldAddress.submit')}
        </button>
      </form>
      <div role="status">
        {lookup.status === 'loading' && <p>{t('schedules:oldAddress.loading')}</p>}
        {lookup.status === 'network' && <p className="notice notice-error">{t('errors:network')}</p>}
        {lookup.status === 'done' && (
          <p>{lookup.wards.length === 0 ? t('schedules:oldAddress.none') : t('schedules:oldAddress.count', { count: lookup.wards.length })}</p>
        )}
      </div>
      {lookup.status === 'done' && lookup.wards.length > 0 && (
        <ul className="old-wards">
          {lookup.wards.map((ward) => (
            <li key={ward.code}>
              <p>
                <strong>{named(ward)}</strong> ({named(ward.district)}, {named(ward.province)})
              </p>
              {ward.became.length === 0 && <p className="hint">{t('schedules:oldAddress.unknownNow')}</p>}
              <ul className="became">
                {ward.became.map((commune) => (
                  <li key={commune.code}>
                    <span aria-hidden="true">→ </span>
                    <span className="visually-hidden">{t('schedules:oldAddress.became')} </span>
                    <strong>{named(commune)}</strong>{' '}
                    {commune.province.code === provinceCode ? (
                      <button type="button" className="button button-link" onClick={() => onChoose(commune.code)}>
                        <Interpolated t={t} name="schedules:oldAddress.sessions" values={{ commune: named(commune) }} />
                      </button>
                    ) : (
                      <span className="hint">
                        <Interpolated t={t} name="schedules:oldAddress.otherProvince" values={{ province: named(commune.province) }} />
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
