// The sites of the officer's scope, each with a form to correct it: a renamed hall, a moved
// entrance, better coordinates. One call of staff_update_site, which checks the scope; the audit
// trigger records the before and after.
import { useId, useRef, useState } from 'react';
import { checkSite, siteDraftOf, type SiteDraft } from '../../domain/staff-sessions.ts';
import { updatedSiteSchema } from '../../domain/staff-writes.ts';
import type { Locale } from '../../i18n/config.ts';
import { ErrorSummary, type FieldError } from '../shared/ErrorSummary.tsx';
import { vietnameseData } from '../shared/Interpolated.tsx';
import type { Translate } from '../translator.ts';
import { staffRpc } from './calls.ts';
import type { Site, Ward } from './scope.ts';
import { FormButtons, SiteFields } from './SiteFields.tsx';

interface Props {
  locale: Locale;
  t: Translate;
  sites: Site[];
  wards: Ward[];
  /** The officer's unit set. */
  unitSet: string;
  /** Reads the sites (and what shows them) again after a change. */
  onSaved: () => Promise<void>;
}

export function SitesSection({ locale, t, sites, wards, unitSet, onSaved }: Props) {
  const [editing, setEditing] = useState<number>();
  const [saved, setSaved] = useState<{ siteId: number; name: string }>();
  const editButtons = useRef(new Map<number, HTMLButtonElement>());
  const wardName = new Map(wards.map((w) => [w.id, w.name]));
  const headingId = useId();

  // Back on the list, focus returns to the site's own "Edit" button, where the officer left it.
  const close = (siteId: number) => {
    setEditing(undefined);
    setTimeout(() => editButtons.current.get(siteId)?.focus(), 0);
  };

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('staff:sites.heading')}</h2>
      {sites.length === 0 ? (
        <p>{t('staff:sites.empty')}</p>
      ) : (
        <ul className="staff-sessions">
          {sites.map((site) => (
            <li key={site.id} className="staff-session">
              {/* Stays mounted while the form gives way to the card, so the confirmation is
                  announced; it sits in the card, next to the button focus returns to. */}
              <div role="status">{saved?.siteId === site.id && <p className="notice">{t('staff:sites.saved', { name: saved.name })}</p>}</div>
              {editing === site.id ? (
                <EditSite
                  t={t}
                  site={site}
                  wards={wards}
                  unitSet={unitSet}
                  onClose={() => close(site.id)}
                  onSaved={async (name) => {
                    await onSaved();
                    setSaved({ siteId: site.id, name });
                    close(site.id);
                  }}
                />
              ) : (
                <>
                  <p>
                    <span lang={vietnameseData(locale)}>
                      <strong>{site.name}</strong>
                      <br />
                      {site.address}
                    </span>
                    <br />
                    {t(`staff:kind.${site.kind}`)} · <span lang={vietnameseData(locale)}>{wardName.get(site.ward_id)}</span>
                  </p>
                  {site.access_notes && (
                    <p className="hint" lang={vietnameseData(locale)}>
                      {site.access_notes}
                    </p>
                  )}
                  <button
                    type="button"
                    className="button button-secondary"
                    ref={(button) => {
                      if (button) editButtons.current.set(site.id, button);
                      else editButtons.current.delete(site.id);
                    }}
                    onClick={() => {
                      setEditing(site.id);
                      setSaved(undefined);
                    }}
                  >
                    {t('staff:sites.edit')}
                    <span className="visually-hidden" lang={vietnameseData(locale)}> {site.name}</span>
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function EditSite({ t, site, wards, unitSet, onClose, onSaved }: { t: Translate; site: Site; wards: Ward[]; unitSet: string; onClose: () => void; onSaved: (name: string) => Promise<void> }) {
  const [draft, setDraft] = useState<SiteDraft>(() => siteDraftOf(site));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const idPrefix = `site-${site.id}`;
  const headingId = `${idPrefix}-heading`;

  async function submit(event: { preventDefault(): void }) {
    event.preventDefault();
    const checked = checkSite(draft, wards.map((w) => w.id));
    if ('problems' in checked) {
      return setErrors(checked.problems.map((p) => ({ field: `${idPrefix}-${p.field}`, message: t(`staff:${p.key}`) })));
    }
    setBusy(true);
    const result = await staffRpc('staff_update_site', { p_site_id: site.id, p_site: checked.row }, updatedSiteSchema);
    setBusy(false);
    if (!result.ok) return setErrors([{ field: `${idPrefix}-name`, message: t('staff:sites.saveError') }]);
    setErrors([]);
    await onSaved(checked.row.name);
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby={headingId}>
      <h3 id={headingId}>{t('staff:sites.editHeading', { name: site.name })}</h3>
      <ErrorSummary title={t('staff:form.errorTitle')} errors={errors} />
      <SiteFields
        t={t}
        idPrefix={idPrefix}
        site={draft}
        wards={wards}
        unitSet={unitSet}
        onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
        errorOf={(field) => errors.find((e) => e.field === `${idPrefix}-${field}`)?.message}
      />
      <FormButtons t={t} busy={busy} saveLabel={t('staff:sites.save')} onClose={onClose} />
    </form>
  );
}
