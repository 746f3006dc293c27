// The form that edits one session of the plan: its site, date, machine, and per shift the team and
// places. The edits are applied one after the other (edit.ts); the first refused one stops them all.
import { useState } from 'react';
import type { EditResult } from '../../../domain/planner/edit.ts';
import type { PlannedSession } from '../../../domain/planner/schema.ts';
import { formatDayLong } from '../../../lib/format.ts';
import { vietnameseData } from '../../shared/Interpolated.tsx';
import { SelectField } from '../../shared/SelectField.tsx';
import { TextField } from '../../shared/TextField.tsx';
import type { PlanContext } from './PlanView.tsx';

interface Props {
  context: PlanContext;
  session: PlannedSession;
  sessions: PlannedSession[];
  onDone: (result: EditResult) => void;
  onCancel: () => void;
}

export function SessionEditor({ context, session, sessions, onDone, onCancel }: Props) {
  const { locale, t, answer, input, engine } = context;
  const [siteId, setSiteId] = useState(session.siteId);
  const [date, setDate] = useState(session.date);
  const [machineId, setMachineId] = useState(session.machineId ?? '');
  const [shifts, setShifts] = useState(session.shifts.map((shift) => ({ shift: shift.shift, teamId: shift.teamId ?? '', places: String(shift.places) })));
  const id = `planner-edit-${session.date}-${session.siteId}`;
  const edit = { today: input.today, deadline: input.deadline, teamShiftsPerDay: input.teamShiftsPerDay };
  const days = engine.progressCurve(input, []).map((day) => day.date).filter((day) => engine.editableDay(day, edit));
  const lang = vietnameseData(locale);

  function submit(event: { preventDefault(): void }) {
    event.preventDefault();
    const to = { date, siteId };
    let result: EditResult = engine.moveSession(sessions, session, to, edit);
    const then = (next: (list: PlannedSession[]) => EditResult) => {
      if (result.ok) result = next(result.sessions);
    };
    then((list) => engine.assignMachine(list, to, machineId || undefined));
    for (const shift of shifts) {
      then((list) => engine.assignTeam(list, to, shift.shift, shift.teamId || undefined, edit));
      then((list) => engine.setPlaces(list, to, shift.shift, Number(shift.places.trim() || Number.NaN)));
    }
    onDone(result);
  }

  return (
    <form className="staff-form planner-editor" onSubmit={submit} noValidate aria-label={t('planner:edit.heading')}>
      <SelectField
        id={`${id}-site`}
        label={t('planner:edit.site')}
        value={siteId}
        options={answer.sites.map((site) => ({ value: String(site.id), label: site.name, lang }))}
        onValue={setSiteId}
      />
      <SelectField
        id={`${id}-date`}
        label={t('planner:edit.date')}
        value={date}
        options={days.map((day) => ({ value: day, label: formatDayLong(locale, day) }))}
        onValue={setDate}
      />
      <SelectField
        id={`${id}-machine`}
        label={t('planner:edit.machine')}
        value={machineId}
        options={[{ value: '', label: t('planner:session.none') }, ...answer.machines.map((machine) => ({ value: String(machine.id), label: machine.label }))]}
        onValue={setMachineId}
      />
      {shifts.map((shift, index) => (
        <fieldset key={shift.shift} className="planner-group">
          <legend>{t(`planner:shift.${shift.shift}`)}</legend>
          <SelectField
            id={`${id}-team-${shift.shift}`}
            label={t('planner:edit.team')}
            value={shift.teamId}
            options={[{ value: '', label: t('planner:session.none') }, ...answer.teams.map((team) => ({ value: String(team.id), label: team.name, lang }))]}
            onValue={(teamId) => setShifts((all) => all.map((each, at) => (at === index ? { ...each, teamId } : each)))}
          />
          <TextField
            id={`${id}-places-${shift.shift}`}
            label={t('planner:edit.places')}
            inputMode="numeric"
            value={shift.places}
            onValue={(places) => setShifts((all) => all.map((each, at) => (at === index ? { ...each, places } : each)))}
          />
        </fieldset>
      ))}
      <div className="staff-actions">
        <button type="submit" className="button">
          {t('planner:edit.apply')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('planner:edit.cancel')}
        </button>
      </div>
    </form>
  );
}
