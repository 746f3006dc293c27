// A booking: opened by its private link (code and token in the fragment), by code and phone, or
// from the tickets saved on this device (also offline). Cancel everyone or one person, with a
// confirmation; move everyone to one of the nearest shifts with places.
import { useEffect, useState } from 'react';
import { formatCode } from '../../domain/booking-code.ts';
import { activeBookings, bookingViewSchema, type BookedPerson, type BookingView } from '../../domain/booking-view.ts';
import { lookupRequestSchema } from '../../domain/booking.ts';
import { refusalMessage, type Refusal } from '../../domain/errors.ts';
import { parseManageLinkHash } from '../../domain/manage-link.ts';
import type { Locale } from '../../i18n/config.ts';
import { formatDayLong } from '../../lib/format.ts';
import { rpc, type RpcResult } from '../../lib/public-api.ts';
import { ErrorSummary, type FieldError } from '../shared/ErrorSummary.tsx';
import { fieldErrorsOf } from '../shared/form-errors.ts';
import { manageUrl } from '../shared/manage-url.ts';
import { TextField } from '../shared/TextField.tsx';
import { Ticket } from '../shared/Ticket.tsx';
import { loadTickets, saveTicket, type SavedTicket } from '../shared/ticket-store.ts';
import { AlternativeList } from '../shared/AlternativeList.tsx';
import { createTranslator, type Messages, type Translate } from '../translator.ts';

/** What proves the holder: the manage token, or the phone typed with the code. */
type Proof = { p_token: string } | { p_phone: string };

interface Open {
  view: BookingView;
  code: string;
  proof: Proof | null;
  offline: boolean;
}

export default function ManageIsland({ locale, messages }: { locale: Locale; messages: Messages }) {
  const t = createTranslator(locale, messages);
  const [saved, setSaved] = useState<SavedTicket[]>([]);
  const [open, setOpen] = useState<Open>();
  const [code, setCode] = useState('');
  const [phone, setPhone] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Refusal | 'network'>();
  const [panel, setPanel] = useState<'cancel' | 'move'>();
  const [done, setDone] = useState<'cancelled' | 'moved'>();

  function show(view: BookingView, openCode: string, proof: Proof | null, offline = false) {
    if (!offline) saveTicket(view, proof && 'p_token' in proof ? proof.p_token : null);
    setSaved(loadTickets());
    setOpen({ view, code: openCode, proof, offline });
  }

  async function call(result: Promise<RpcResult<BookingView>>): Promise<BookingView | undefined> {
    setBusy(true);
    setProblem(undefined);
    const answer = await result;
    setBusy(false);
    if (answer.ok) return answer.data;
    setProblem('network' in answer ? 'network' : answer.refusal);
    return undefined;
  }

  async function openSaved(ticket: SavedTicket) {
    const proof = ticket.token ? { p_token: ticket.token } : null;
    if (!proof) return show(ticket.view, ticket.code, null, true);
    setBusy(true);
    const answer = await rpc('lookup_booking', { p_code: ticket.code, ...proof }, bookingViewSchema);
    setBusy(false);
    if (answer.ok) show(answer.data, ticket.code, proof);
    else show(ticket.view, ticket.code, proof, true);
  }

  useEffect(() => {
    const tickets = loadTickets();
    setSaved(tickets);
    const link = parseManageLinkHash(location.hash);
    if (link) {
      const proof = { p_token: link.token };
      void call(rpc('lookup_booking', { p_code: link.code, ...proof }, bookingViewSchema)).then((view) => {
        if (view) show(view, link.code, proof);
        else {
          const copy = tickets.find((ticket) => ticket.view.bookings.some((booking) => booking.code === link.code));
          if (copy) show(copy.view, link.code, proof, true);
        }
      });
    }
  }, []);

  async function lookup(event: { preventDefault(): void }) {
    event.preventDefault();
    const parsed = lookupRequestSchema.safeParse({ code, phone });
    if (!parsed.success) {
      setErrors(fieldErrorsOf(parsed.error.issues, (path) => String(path[0]), t));
      return;
    }
    setErrors([]);
    const proof = { p_phone: parsed.data.phone };
    const view = await call(rpc('lookup_booking', { p_code: parsed.data.code, ...proof }, bookingViewSchema));
    if (view) show(view, parsed.data.code, proof);
  }

  async function cancel(codes: string[] | null) {
    if (!open?.proof) return;
    const view = await call(rpc('cancel_booking', { p_code: open.code, ...open.proof, ...(codes ? { p_codes: codes } : {}) }, bookingViewSchema));
    if (view) {
      show(view, open.code, open.proof);
      setPanel(undefined);
      setDone('cancelled');
    }
  }

  async function move(shiftId: number) {
    if (!open?.proof) return;
    const view = await call(rpc('move_booking', { p_code: open.code, p_shift_id: shiftId, ...open.proof }, bookingViewSchema));
    if (view) {
      show(view, open.code, open.proof);
      setPanel(undefined);
      setDone('moved');
    }
  }

  const problemText = problem === 'network' ? t('errors:network') : problem ? t(refusalMessage(problem).key, refusalMessage(problem).values) : undefined;
  const fieldErrors = Object.fromEntries(errors.map((error) => [error.field, error.message]));

  if (open) {
    const active = activeBookings(open.view).filter((booking) => booking.status === 'confirmed');
    const cancelled = open.view.bookings.some((booking) => booking.session.cancelled_at && booking.status === 'confirmed');
    const token = open.proof && 'p_token' in open.proof ? open.proof.p_token : null;
    return (
      <section aria-labelledby="booking-heading">
        <h2 id="booking-heading">{t('manage:booking.heading')}</h2>
        {open.offline && <p className="notice notice-warning">{t('manage:saved.offline')}</p>}
        <div aria-live="polite">
          {done === 'cancelled' && <p className="notice">{t('manage:cancel.done')}</p>}
          {done === 'moved' && <p className="notice">{t('manage:move.done')}</p>}
          {problemText && <p className="notice notice-error">{problemText}</p>}
        </div>
        {cancelled && <p className="notice notice-warning">{t('manage:move.cancelNotice')}</p>}
        <Ticket
          locale={locale}
          t={t}
          view={open.view}
          manageUrl={token ? manageUrl(locale, { code: open.code, token }) : null}
        />
        {active.length > 0 && open.proof && !open.offline && (
          <div className="actions-row">
            <button type="button" className="button button-secondary" onClick={() => setPanel(panel === 'move' ? undefined : 'move')} aria-expanded={panel === 'move'}>
              {t('manage:move.open')}
            </button>{' '}
            <button type="button" className="button button-secondary" onClick={() => setPanel(panel === 'cancel' ? undefined : 'cancel')} aria-expanded={panel === 'cancel'}>
              {t('manage:cancel.open')}
            </button>
          </div>
        )}
        {panel === 'cancel' && <CancelPanel t={t} people={active} busy={busy} onConfirm={(codes) => void cancel(codes)} onKeep={() => setPanel(undefined)} />}
        {/* A cancelled session offers the nearest shifts with places at once. */}
        {(panel === 'move' || (cancelled && panel !== 'cancel')) && active.length > 0 && open.proof && !open.offline && (
          <MovePanel locale={locale} t={t} shiftId={active[0]!.shift.id} organisation={active[0]!.organisation} busy={busy} onChoose={(id) => void move(id)} />
        )}
        <p>
          <button type="button" className="button-link" onClick={() => { setOpen(undefined); setDone(undefined); setProblem(undefined); history.replaceState(null, '', location.pathname); }}>
            {t('manage:booking.back')}
          </button>
        </p>
      </section>
    );
  }

  return (
    <>
      {saved.length > 0 && (
        <section aria-labelledby="saved-heading">
          <h2 id="saved-heading">{t('manage:saved.heading')}</h2>
          <ul className="saved-tickets">
            {saved.map((ticket) => (
              <li key={ticket.code}>
                <button type="button" className="button button-secondary" onClick={() => void openSaved(ticket)}>
                  {t('manage:saved.show', { code: formatCode(ticket.code) })}
                </button>{' '}
                {ticket.view.bookings[0] && formatDayLong(locale, ticket.view.bookings[0].session.date)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <form noValidate onSubmit={(event) => void lookup(event)} aria-labelledby="lookup-heading">
        <h2 id="lookup-heading">{t('manage:lookup.heading')}</h2>
        <p>{t('manage:lookup.lead')}</p>
        <ErrorSummary title={t('book:errors.title')} errors={errors} />
        <TextField
          id="code"
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          label={t('manage:lookup.code')}
          hint={t('manage:lookup.codeHint')}
          error={fieldErrors.code}
          errorPrefix={t('book:errors.prefix')}
          value={code}
          onValue={setCode}
        />
        <TextField
          id="phone"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          label={t('manage:lookup.phone')}
          error={fieldErrors.phone}
          errorPrefix={t('book:errors.prefix')}
          value={phone}
          onValue={setPhone}
        />
        <div aria-live="polite">{problemText && <p className="notice notice-error">{problemText}</p>}</div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('manage:lookup.searching') : t('manage:lookup.submit')}
        </button>
      </form>
    </>
  );
}

function CancelPanel({ t, people, busy, onConfirm, onKeep }: { t: Translate; people: BookedPerson[]; busy: boolean; onConfirm: (codes: string[] | null) => void; onKeep: () => void }) {
  const [choice, setChoice] = useState('all');
  return (
    <section className="panel" aria-labelledby="cancel-heading">
      <h3 id="cancel-heading">{t('manage:cancel.heading')}</h3>
      <fieldset>
        <legend>{t('manage:cancel.lead')}</legend>
        {[{ value: 'all', label: t('manage:cancel.all') }, ...(people.length > 1 ? people.map((person) => ({ value: person.code, label: `${person.full_name ?? ''} (${formatCode(person.code)})` })) : [])].map((option) => (
          <div className="radio" key={option.value}>
            <input type="radio" id={`cancel-${option.value}`} name="cancel-who" value={option.value} checked={choice === option.value} onChange={() => setChoice(option.value)} />
            <label htmlFor={`cancel-${option.value}`}>{option.label}</label>
          </div>
        ))}
      </fieldset>
      <button type="button" className="button" disabled={busy} onClick={() => onConfirm(choice === 'all' ? null : [choice])}>
        {t('manage:cancel.confirm')}
      </button>{' '}
      <button type="button" className="button button-secondary" onClick={onKeep}>
        {t('manage:cancel.keep')}
      </button>
    </section>
  );
}

function MovePanel({ locale, t, shiftId, organisation, busy, onChoose }: { locale: Locale; t: Translate; shiftId: number; organisation: string | null; busy: boolean; onChoose: (shiftId: number) => void }) {
  return (
    <section className="panel" aria-labelledby="move-heading">
      <h3 id="move-heading">{t('manage:move.heading')}</h3>
      {organisation && <p className="notice">{t('manage:move.organisation', { organisation })}</p>}
      <AlternativeList
        locale={locale}
        t={t}
        shiftId={shiftId}
        lead={t('manage:move.lead')}
        action={(alternative) => (
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => onChoose(alternative.shift_id)}>
            {t('manage:move.choose')}
          </button>
        )}
      />
    </section>
  );
}
