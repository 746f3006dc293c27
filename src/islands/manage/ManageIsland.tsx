// A booking: opened by its private link (code and token in the fragment), by code and phone (a
// ticket's QR code opens that form with the code filled in), or from the tickets saved on this
// device (also offline). Cancel everyone or one person, with a confirmation; move everyone to one
// of the nearest shifts with places.
import { useEffect, useState } from 'react';
import { formatCode } from '../../domain/booking-code.ts';
import { activeBookings, bookingViewSchema, type BookingView } from '../../domain/booking-view.ts';
import { refusalMessage, type Refusal } from '../../domain/errors.ts';
import { brokenManageLinkHash } from '../../domain/broken-manage-link.ts';
import { parseManageLinkHash } from '../../domain/manage-link.ts';
import { parseLookupHash } from '../../domain/ticket-link.ts';
import type { Locale } from '../../i18n/config.ts';
import { rpc, type RpcResult } from '../../lib/public-api.ts';
import { focusWhenShown } from '../shared/focus-when-shown.ts';
import { manageUrl } from '../shared/manage-url.ts';
import { Ticket } from '../shared/Ticket.tsx';
import { loadTickets, saveTicket, type SavedTicket } from '../shared/ticket-store.ts';
import { useFragment } from '../shared/use-fragment.ts';
import { createTranslator, type Messages, type Translate } from '../translator.ts';
import { CancelPanel } from './CancelPanel.tsx';
import { LookupForm, type Lookup } from './LookupForm.tsx';
import { MovePanel } from './MovePanel.tsx';
import { SavedTickets } from './SavedTickets.tsx';

/** What proves the holder: the manage token, or the phone typed with the code. */
type Proof = { p_token: string } | { p_phone: string };

interface Open {
  view: BookingView;
  code: string;
  proof: Proof | null;
  offline: boolean;
  /** Opened by the person's press (a saved ticket, the lookup): focus goes to the booking's heading. */
  pressed: boolean;
}

/**
 * What went wrong, as the page says it: a refusal, no network, or a private link that does not
 * work: broken on its way (cut short, no token) or refused by the server (a token cut to a
 * plausible length, or a booking made again since).
 */
type Problem = Refusal | 'network' | 'link-broken' | 'link-refused';

interface Props {
  locale: Locale;
  messages: Messages;
}

function describeProblem(t: Translate, problem: Problem): string {
  if (problem === 'network') return t('errors:network');
  if (problem === 'link-broken') return t('manage:link.broken');
  if (problem === 'link-refused') return t('manage:link.refused');
  const { key, values } = refusalMessage(problem);
  return t(key, values);
}

/** The refusals of a private link's lookup that say the link opens no booking. */
const linkRefusals = new Set(['not_found', 'invalid_code']);

export default function ManageIsland(props: Props) {
  const [fragment, clearFragment] = useFragment();
  // Another link opened in this tab is another booking: the page starts afresh with it.
  return <BookingPage key={fragment} {...props} fragment={fragment} clearFragment={clearFragment} />;
}

function BookingPage({ locale, messages, fragment, clearFragment }: Props & { fragment: string; clearFragment: () => void }) {
  const t = createTranslator(locale, messages);
  const [saved, setSaved] = useState<SavedTicket[]>(loadTickets);
  // A private link in the address is looked up as the page opens; a ticket's QR code fills the form in.
  const [link] = useState(() => parseManageLinkHash(fragment));
  const [scanned] = useState(() => parseLookupHash(fragment));
  const [broken] = useState(() => brokenManageLinkHash(fragment));
  const [open, setOpen] = useState<Open>();
  const [lookupDraft, setLookupDraft] = useState<Lookup>(() => {
    const code = scanned ?? broken?.code;
    return { code: code ? formatCode(code) : '', phone: '' };
  });
  /** The code came filled in: the phone is what is left to type. */
  const [focusPhone, setFocusPhone] = useState(lookupDraft.code !== '');
  const [busy, setBusy] = useState(link !== null);
  const [problem, setProblem] = useState<Problem | undefined>(broken ? 'link-broken' : undefined);
  const [panel, setPanel] = useState<'cancel' | 'move'>();
  /** What the last change did, as the banner says it. */
  const [done, setDone] = useState<string>();

  function show(view: BookingView, openCode: string, proof: Proof | null, offline = false, pressed = false) {
    if (!offline) saveTicket(view, proof && 'p_token' in proof ? proof.p_token : null);
    setSaved(loadTickets());
    setOpen({ view, code: openCode, proof, offline, pressed });
  }

  async function call(result: Promise<RpcResult<BookingView>>): Promise<BookingView | undefined> {
    setBusy(true);
    setProblem(undefined);
    return settle(await result);
  }

  /** The booking an answer brings, or undefined with the problem shown. */
  function settle(answer: RpcResult<BookingView>): BookingView | undefined {
    setBusy(false);
    if (answer.ok) return answer.data;
    setProblem('network' in answer ? 'network' : answer.refusal);
    return undefined;
  }

  async function openSaved(ticket: SavedTicket) {
    setProblem(undefined);
    const proof = ticket.token ? { p_token: ticket.token } : null;
    if (!proof) return show(ticket.view, ticket.code, null, true, true);
    setBusy(true);
    const answer = await rpc('lookup_booking', { p_code: ticket.code, ...proof }, bookingViewSchema);
    setBusy(false);
    if (answer.ok) show(answer.data, ticket.code, proof, false, true);
    else show(ticket.view, ticket.code, proof, true, true);
  }

  useEffect(() => {
    if (!link) return;
    // The answer of a link left for another one is dropped (the page is then another one's).
    let current = true;
    const proof = { p_token: link.token };
    void rpc('lookup_booking', { p_code: link.code, ...proof }, bookingViewSchema).then((answer) => {
      if (!current) return;
      if (!answer.ok && 'refusal' in answer && linkRefusals.has(answer.refusal.code)) {
        // The server read the link and knows no such booking: the lookup by code and phone is left.
        setBusy(false);
        setProblem('link-refused');
        setLookupDraft({ code: formatCode(link.code), phone: '' });
        setFocusPhone(true);
        return;
      }
      const view = settle(answer);
      if (view) show(view, link.code, proof);
      else if ('network' in answer) {
        // Offline, the copy of the booking saved on this device.
        const copy = loadTickets().find((ticket) => ticket.view.bookings.some((booking) => booking.code === link.code));
        if (copy) show(copy.view, link.code, proof, true);
      }
    });
    return () => {
      current = false;
    };
  }, [link]);

  async function lookup(code: string, phone: string) {
    const proof = { p_phone: phone };
    const view = await call(rpc('lookup_booking', { p_code: code, ...proof }, bookingViewSchema));
    if (view) show(view, code, proof, false, true);
  }

  async function cancel(codes: string[] | null) {
    if (!open?.proof) return;
    const view = await call(rpc('cancel_booking', { p_code: open.code, ...open.proof, ...(codes ? { p_codes: codes } : {}) }, bookingViewSchema));
    if (view) {
      show(view, open.code, open.proof);
      setPanel(undefined);
      setDone(cancelledText(open.view, view, codes));
    }
  }

  /** "Cancelled", or who was when others of the booking keep their places. */
  function cancelledText(before: BookingView, after: BookingView, codes: string[] | null): string {
    if (!codes || activeBookings(after).length === 0) return t('manage:cancel.done');
    const names = before.bookings.filter((booking) => codes.includes(booking.code)).map((booking) => booking.full_name ?? formatCode(booking.code));
    return t('manage:cancel.donePartly', { names: names.join(', ') });
  }

  async function move(shiftId: number) {
    if (!open?.proof) return;
    const view = await call(rpc('move_booking', { p_code: open.code, p_shift_id: shiftId, ...open.proof }, bookingViewSchema));
    if (view) {
      show(view, open.code, open.proof);
      setPanel(undefined);
      setDone(t('manage:move.done'));
    }
  }

  /** Back to the form, which is as it was; a private link leaves the address. */
  function leave() {
    setOpen(undefined);
    setDone(undefined);
    setProblem(undefined);
    if (link) clearFragment();
  }

  const problemText = problem && describeProblem(t, problem);

  if (open) {
    const active = activeBookings(open.view).filter((booking) => booking.status === 'confirmed');
    const cancelled = open.view.bookings.some((booking) => booking.session.cancelled_at && booking.status === 'confirmed');
    const token = open.proof && 'p_token' in open.proof ? open.proof.p_token : null;
    return (
      <section aria-labelledby="booking-heading">
        <h2 id="booking-heading" tabIndex={-1} ref={open.pressed ? focusWhenShown : undefined}>
          {t('manage:booking.heading')}
        </h2>
        {open.offline && <p className="notice notice-warning">{t('manage:saved.offline')}</p>}
        <div aria-live="polite">
          {done && <p className="notice">{done}</p>}
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
          <MovePanel locale={locale} t={t} shiftId={active[0]!.shift.id} places={active.length} organisation={active[0]!.organisation} busy={busy} onChoose={(id) => void move(id)} />
        )}
        <p>
          <button type="button" className="button-link" onClick={leave}>
            {t('manage:booking.back')}
          </button>
        </p>
      </section>
    );
  }

  return (
    <>
      {saved.length > 0 && <SavedTickets locale={locale} t={t} tickets={saved} onOpen={(ticket) => void openSaved(ticket)} />}
      <LookupForm t={t} focusPhone={focusPhone} value={lookupDraft} onChange={setLookupDraft} busy={busy} problem={problemText} onLookup={(code, phone) => void lookup(code, phone)} />
    </>
  );
}
