// What every staff page shows before its own content: the sign-in form to someone signed out, a
// clear dead end to an account without a staff role or a deactivated one, the new-password form to
// one whose password an administrator set (before anything else), the way to the day of intake to
// a volunteer on a page for officers, and the page itself to an officer.
import { lazy, Suspense, type ReactNode } from 'react';
import { defaultLocale, isLocale, type Locale } from '../../i18n/config.ts';
import { localizedPath } from '../../i18n/paths.ts';
import type { Translate } from '../translator.ts';
import { useStaff, type StaffMember } from './use-staff.ts';

// An officer signed in never needs the form: it loads only when someone is signed out.
const SignInForm = lazy(() => import('./SignInForm.tsx').then(({ SignInForm }) => ({ default: SignInForm })));
// Needed only on the first sign-in after an administrator set the password.
const ChangePasswordForm = lazy(() => import('./password/ChangePasswordForm.tsx').then(({ ChangePasswordForm }) => ({ default: ChangePasswordForm })));

interface Props {
  t: Translate;
  /** The console's home lets volunteers in too; every other page behind the gate is for officers. */
  volunteers?: boolean;
  children: (staff: StaffMember, signOut: () => void) => ReactNode;
}

export function StaffGate({ t, volunteers = false, children }: Props) {
  const { state, signIn, signOut, passwordChanged } = useStaff();
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
      return <DeadEnd t={t} heading="staff:notStaff.heading" body="staff:notStaff.body" values={{ email: state.user.email ?? '' }} signOut={out} />;
    case 'signed-in':
      if (!state.staff.active) return <DeadEnd t={t} heading="staffPassword:inactive.heading" body="staffPassword:inactive.body" signOut={out} />;
      if (state.staff.mustChangePassword) {
        return (
          <div>
            <h2>{t('staffPassword:requiredHeading')}</h2>
            <p>{t('staffPassword:requiredBody')}</p>
            <Suspense fallback={<p role="status">{t('staff:loading')}</p>}>
              <ChangePasswordForm t={t} onChanged={passwordChanged} />
            </Suspense>
            <button type="button" className="button button-secondary" onClick={out}>
              {t('staff:signOut')}
            </button>
          </div>
        );
      }
      if (state.staff.post && !volunteers) return <OfficersOnly t={t} signOut={out} />;
      return <>{children(state.staff, out)}</>;
  }
}

/** An account the console can do nothing for: why, and the way out. */
function DeadEnd({ t, heading, body, values, signOut }: { t: Translate; heading: string; body: string; values?: Record<string, string>; signOut: () => void }) {
  return (
    <div>
      <h2>{t(heading)}</h2>
      <p>{t(body, values)}</p>
      <button type="button" className="button button-secondary" onClick={signOut}>
        {t('staff:signOut')}
      </button>
    </div>
  );
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
