// What every staff page shows before its own content: the sign-in form to someone signed out, a
// clear dead end to an account without a staff role, the way to the day of intake to a volunteer
// on a page for officers, and the page itself to an officer.
import { lazy, Suspense, type ReactNode } from 'react';
import { defaultLocale, isLocale, type Locale } from '../../i18n/config.ts';
import { localizedPath } from '../../i18n/paths.ts';
import type { Translate } from '../translator.ts';
import { useStaff, type StaffMember } from './use-staff.ts';

// An officer signed in never needs the form: it loads only when someone is signed out.
const SignInForm = lazy(() => import('./SignInForm.tsx').then(({ SignInForm }) => ({ default: SignInForm })));

interface Props {
  t: Translate;
  /** The console's home lets volunteers in too; every other page behind the gate is for officers. */
  volunteers?: boolean;
  children: (staff: StaffMember, signOut: () => void) => ReactNode;
}

export function StaffGate({ t, volunteers = false, children }: Props) {
  const { state, signIn, signOut } = useStaff();
  const out = () => void signOut();
  switch (state.status) {
    case 'loading':
      return <p role="status">{t('staff:loading')}</p>;
    case 'error':
      return <p className="notice notice-error" role="alert">{t('staff:loadError')}</p>;
    case 'signed-out':
      return (
        <Suspense fallback={<p role="status">{t('staff:loading')}</p>}>
          <SignInForm t={t} signIn={signIn} />
        </Suspense>
      );
    case 'not-staff':
      return (
        <div>
          <h2>{t('staff:notStaff.heading')}</h2>
          <p>{t('staff:notStaff.body', { email: state.user.email ?? '' })}</p>
          <button type="button" className="button button-secondary" onClick={out}>
            {t('staff:signOut')}
          </button>
        </div>
      );
    case 'signed-in':
      if (state.staff.post && !volunteers) return <OfficersOnly t={t} signOut={out} />;
      return <>{children(state.staff, out)}</>;
  }
}

/** A volunteer on a page for officers: the database would give them nothing here anyway. */
function OfficersOnly({ t, signOut }: { t: Translate; signOut: () => void }) {
  // The page's language, as the layout writes it: the gate's callers pass none.
  const lang = document.documentElement.lang;
  const locale = isLocale(lang) ? lang : defaultLocale;
  return (
    <div>
      <h2>{t('staff:officersOnly.heading')}</h2>
      <p>{t('staff:officersOnly.body')}</p>
      <p>
        <a className="button" href={localizedPath(locale, 'staff/day')}>
          {t('staff:officersOnly.day')}
        </a>
      </p>
      <button type="button" className="button button-secondary" onClick={signOut}>
        {t('staff:signOut')}
      </button>
    </div>
  );
}

/** The links above a console page: back to the console's home, and sign out. Never printed. */
export function StaffNav({ locale, t, signOut }: { locale: Locale; t: Translate; signOut: () => void }) {
  return (
    <nav className="staff-actions" aria-label={t('staff:page.title')} data-print-hide>
      <a href={localizedPath(locale, 'staff')}>{t('staff:dashboard.back')}</a>
      <button type="button" className="button-link" onClick={signOut}>
        {t('staff:signOut')}
      </button>
    </nav>
  );
}
