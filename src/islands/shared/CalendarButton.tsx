// Downloads the .ics file of a visit; the calendar library loads only on the click.
import { visitCalendarFile, type CalendarTexts } from '../../domain/calendar.ts';
import type { BookedPerson } from '../../domain/booking-view.ts';

export function CalendarButton({ label, visit, texts }: { label: string; visit: BookedPerson[]; texts: CalendarTexts }) {
  async function download() {
    const file = await visitCalendarFile(visit, texts);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([file], { type: 'text/calendar;charset=utf-8' }));
    link.download = `cccd-${visit[0]!.code}.ics`;
    link.click();
    URL.revokeObjectURL(link.href);
  }
  return (
    <button type="button" className="button button-secondary" onClick={() => void download()}>
      {label}
    </button>
  );
}
