// The planner's setup, all of it saved at once (staff_save_plan_setup): shifts a day per team, the
// campaign's days off, the machines, the teams with their bases (typed, or a police station of the
// campaign's sites), and the places per site in a table that a filter narrows.
import type { PlannerAnswer } from '../../../domain/planner-store.ts';
import { useId, useMemo, useRef, useState } from 'react';
import { foldForSearch } from '../../../domain/roster.ts';
import type { Locale } from '../../../i18n/config.ts';
import { ErrorSummary, type FieldError } from '../../shared/ErrorSummary.tsx';
import { SelectField } from '../../shared/SelectField.tsx';
import { TextField } from '../../shared/TextField.tsx';
import { vietnameseData } from '../../shared/Interpolated.tsx';
import type { Translate } from '../../translator.ts';
import { failureText } from '../calls.ts';
import { fieldIds, readSetup, typedFrom, type SetupProblem, type TypedSetup, type TypedTeam } from '../../../domain/planner/setup-form.ts';
import { saveSetup } from './store.ts';

interface Props {
  locale: Locale;
  t: Translate;
  answer: PlannerAnswer;
  /** Called once saved: the page reads the setup again and draws the form anew from it (with the new rows' ids). */
  onSaved: () => Promise<void>;
}

export function SetupForm({ locale, t, answer, onSaved }: Props) {
  const [typed, setTyped] = useState<TypedSetup>(() => typedFrom(answer));
  const [problems, setProblems] = useState<SetupProblem[]>([]);
  const [failed, setFailed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [filter, setFilter] = useState('');
  const added = useRef(0);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const filterId = useId();
  // The same array until the next send: the summary takes the focus when its errors change, not on every key typed.
  const summary: FieldError[] = useMemo(() => problems.map((problem) => ({ field: problem.field, message: t(problem.key, problem.values) })), [problems, t]);
  const errorOf = (field: string) => {
    const problem = problems.find((each) => each.field === field);
    return problem && t(problem.key, problem.values);
  };
  const errorProps = (field: string) => ({ error: errorOf(field), errorPrefix: t('common:form.errorPrefix') });
  const sitesById = new Map(answer.sites.map((site) => [site.id, site]));
  const stations = answer.sites.filter((site) => site.kind === 'police_station');
  const lang = vietnameseData(locale);

  const setTeam = (key: string, change: Partial<TypedTeam>) =>
    setTyped((form) => ({ ...form, teams: form.teams.map((team) => (team.key === key ? { ...team, ...change } : team)) }));
  const newKey = () => `new-${++added.current}`;

  async function submit(event: { preventDefault(): void }) {
    event.preventDefault();
    setFailed(null);
    const read = readSetup(typed);
    if ('problems' in read) return setProblems(read.problems);
    setProblems([]);
    setBusy(true);
    const result = await saveSetup(answer.campaign.id, read.payload);
    setBusy(false);
    if (!result.ok) {
      setFailed(failureText(t, result));
      return outcomeRef.current?.focus();
    }
    await onSaved();
  }

  const shown = typed.sites.filter((site) => {
    const about = sitesById.get(site.siteId);
    return !filter.trim() || (about !== undefined && foldForSearch(`${about.name} ${about.unit_code}`).includes(foldForSearch(filter)));
  });

  return (
    <form className="staff-form planner-setup" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="planner-setup-heading">
      <h2 id="planner-setup-heading">{t('planner:setup.heading')}</h2>
      <p>{t('planner:setup.intro')}</p>
      <ErrorSummary title={t('common:form.errorTitle')} errors={summary} />

      <SelectField
        id={fieldIds.shiftsPerDay}
        label={t('planner:setup.shiftsPerDay')}
        hint={t('planner:setup.shiftsPerDayHint')}
        value={typed.shiftsPerDay}
        options={['1', '2', '3'].map((value) => ({ value, label: value }))}
        onValue={(shiftsPerDay) => setTyped((form) => ({ ...form, shiftsPerDay }))}
        {...errorProps(fieldIds.shiftsPerDay)}
      />
      <TextField
        id={fieldIds.daysOff}
        label={t('planner:setup.daysOff')}
        hint={t('planner:setup.datesHint')}
        value={typed.daysOff}
        onValue={(daysOff) => setTyped((form) => ({ ...form, daysOff }))}
        {...errorProps(fieldIds.daysOff)}
      />

      <fieldset className="planner-group">
        <legend>{t('planner:setup.machines')}</legend>
        <p className="hint">{t('planner:setup.machinesHint')}</p>
        {typed.machines.map((machine, index) => (
          <div key={machine.key} className="planner-row">
            <TextField
              id={fieldIds.machine(machine.key)}
              label={t('planner:setup.machineLabel', { n: index + 1 })}
              value={machine.label}
              onValue={(label) => setTyped((form) => ({ ...form, machines: form.machines.map((each) => (each.key === machine.key ? { ...each, label } : each)) }))}
              {...errorProps(fieldIds.machine(machine.key))}
            />
            <button
              type="button"
              className="button-link"
              onClick={() => setTyped((form) => ({ ...form, machines: form.machines.filter((each) => each.key !== machine.key) }))}
            >
              {t('planner:setup.removeMachine', { n: index + 1 })}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button-secondary"
          onClick={() => setTyped((form) => ({ ...form, machines: [...form.machines, { key: newKey(), label: t('planner:setup.machineDefault', { n: form.machines.length + 1 }) }] }))}
        >
          {t('planner:setup.addMachine')}
        </button>
      </fieldset>

      <fieldset className="planner-group">
        <legend>{t('planner:setup.teams')}</legend>
        <p className="hint">{t('planner:setup.teamsHint')}</p>
        {typed.teams.map((team, index) => (
          <fieldset key={team.key} className="planner-team">
            <legend>{t('planner:setup.team', { n: index + 1 })}</legend>
            <TextField id={fieldIds.team(team.key, 'name')} label={t('planner:setup.teamName')} value={team.name} onValue={(name) => setTeam(team.key, { name })} {...errorProps(fieldIds.team(team.key, 'name'))} />
            {stations.length > 0 && (
              <SelectField
                id={`planner-team-${team.key}-station`}
                label={t('planner:setup.station')}
                hint={t('planner:setup.stationHint')}
                value=""
                options={[{ value: '', label: t('planner:setup.stationNone') }, ...stations.map((site) => ({ value: String(site.id), label: site.name, lang }))]}
                onValue={(value) => {
                  const site = sitesById.get(Number(value));
                  if (site) setTeam(team.key, { baseName: site.name, lat: String(site.lat), lng: String(site.lng) });
                }}
              />
            )}
            <TextField id={fieldIds.team(team.key, 'baseName')} label={t('planner:setup.baseName')} value={team.baseName} onValue={(baseName) => setTeam(team.key, { baseName })} {...errorProps(fieldIds.team(team.key, 'baseName'))} />
            <div className="planner-pair">
              <TextField id={fieldIds.team(team.key, 'lat')} label={t('planner:setup.lat')} inputMode="decimal" value={team.lat} onValue={(lat) => setTeam(team.key, { lat })} {...errorProps(fieldIds.team(team.key, 'lat'))} />
              <TextField id={fieldIds.team(team.key, 'lng')} label={t('planner:setup.lng')} inputMode="decimal" value={team.lng} onValue={(lng) => setTeam(team.key, { lng })} {...errorProps(fieldIds.team(team.key, 'lng'))} />
            </div>
            <TextField id={fieldIds.team(team.key, 'places')} label={t('planner:setup.teamPlaces')} inputMode="numeric" value={team.places} onValue={(places) => setTeam(team.key, { places })} {...errorProps(fieldIds.team(team.key, 'places'))} />
            <TextField id={fieldIds.team(team.key, 'daysOff')} label={t('planner:setup.teamDaysOff')} hint={t('planner:setup.datesHint')} value={team.daysOff} onValue={(daysOff) => setTeam(team.key, { daysOff })} {...errorProps(fieldIds.team(team.key, 'daysOff'))} />
            <button type="button" className="button-link" onClick={() => setTyped((form) => ({ ...form, teams: form.teams.filter((each) => each.key !== team.key) }))}>
              {t('planner:setup.removeTeam', { n: index + 1 })}
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          className="button button-secondary"
          onClick={() =>
            setTyped((form) => ({
              ...form,
              teams: [...form.teams, { key: newKey(), name: t('planner:setup.teamDefault', { n: form.teams.length + 1 }), baseName: '', lat: '', lng: '', places: '100', daysOff: '' }],
            }))
          }
        >
          {t('planner:setup.addTeam')}
        </button>
      </fieldset>

      <fieldset className="planner-group">
        <legend>{t('planner:setup.sites')}</legend>
        <p className="hint">{t('planner:setup.sitesHint')}</p>
        <div className="field">
          <label htmlFor={filterId}>{t('planner:setup.filter')}</label>
          <input id={filterId} type="search" value={filter} onChange={(event) => setFilter(event.currentTarget.value)} />
        </div>
        <div className="planner-table-wrap">
          <table className="planner-table">
            <caption className="visually-hidden">{t('planner:setup.sitesTable', { shown: shown.length, all: typed.sites.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('planner:setup.site')}</th>
                <th scope="col">{t('planner:shift.1')}</th>
                <th scope="col">{t('planner:shift.2')}</th>
                <th scope="col">{t('planner:shift.3')}</th>
                <th scope="col">{t('planner:setup.people')}</th>
                <th scope="col">{t('planner:setup.siteDates')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((site) => {
                const about = sitesById.get(site.siteId);
                const name = about?.name ?? '';
                const box = (part: 'places1' | 'places2' | 'places3' | 'people' | 'dates', label: string, value: string, onValue: (value: string) => void, numeric = true) => {
                  const id = fieldIds.site(site.siteId, part);
                  const error = errorOf(id);
                  return (
                    <td>
                      <input
                        id={id}
                        className={numeric ? 'planner-number' : 'planner-dates'}
                        inputMode={numeric ? 'numeric' : undefined}
                        aria-label={`${label}, ${name}`}
                        aria-invalid={error ? true : undefined}
                        value={value}
                        onChange={(event) => onValue(event.currentTarget.value)}
                      />
                    </td>
                  );
                };
                const setSite = (change: Partial<typeof site>) =>
                  setTyped((form) => ({ ...form, sites: form.sites.map((each) => (each.siteId === site.siteId ? { ...each, ...change } : each)) }));
                const setPlaces = (index: 0 | 1 | 2) => (value: string) =>
                  setSite({ places: site.places.map((each, at) => (at === index ? value : each)) as [string, string, string] });
                return (
                  <tr key={site.siteId}>
                    <th scope="row">
                      <span lang={lang}>{name}</span>
                      <span className="hint"> {about?.unit_code}</span>
                    </th>
                    {box('places1', t('planner:shift.1'), site.places[0], setPlaces(0))}
                    {box('places2', t('planner:shift.2'), site.places[1], setPlaces(1))}
                    {box('places3', t('planner:shift.3'), site.places[2], setPlaces(2))}
                    {box('people', t('planner:setup.people'), site.people, (people) => setSite({ people }))}
                    {box('dates', t('planner:setup.siteDates'), site.dates, (dates) => setSite({ dates }), false)}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </fieldset>

      <div ref={outcomeRef} tabIndex={-1} aria-live="polite">
        {failed && <p className="notice notice-error">{failed}</p>}
      </div>
      <div className="staff-actions">
        <button type="submit" className="button" disabled={busy}>
          {t('planner:setup.save')}
        </button>
      </div>
    </form>
  );
}
