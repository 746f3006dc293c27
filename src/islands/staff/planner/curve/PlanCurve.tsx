// The plan's progress curve: applications in all, actual before today and projected by the plan from
// today, against the quota, with a summary that says the same in words and the figures as a table.
// Hand-written SVG: two lines and a level are a few polylines, not worth a chart library's weight
// on a page already near its budget. The SVG stretches to its box (preserveAspectRatio none) and the
// labels are HTML placed in percent, so the text stays readable at any width.
import { useMemo } from 'react';
import { axisTicks, curveWeeks, progressSeries } from '../../../../domain/planner/curve.ts';
import type { PlanDay } from '../../../../domain/planner/schema.ts';
import { formatDate, formatDateNumeric, formatNumber } from '../../../../lib/format.ts';
import type { Translate } from '../../../translator.ts';
import './plan-curve.css';

export interface PlanCurveProps {
  /** The campaign's quota: all its applications, those already taken included. */
  quota: number;
  startsOn: string;
  deadline: string;
  today: string;
  /** The plan's days from today (planOutput.curve). */
  projected: PlanDay[];
  /** Applications per day before today (staff_planner's `actual`). */
  actual: { date: string; applications: number }[];
  locale: 'vi' | 'en';
  /** The page's translator, with the `planView` namespace in its messages. */
  t: Translate;
}

// The plot's own coordinates: 0–1000 both ways, stretched to the box.
const size = 1000;

export default function PlanCurve({ quota, startsOn, deadline, today, projected, actual, locale, t }: PlanCurveProps) {
  const curve = useMemo(() => progressSeries({ quota, startsOn, deadline, today, projected, actual }), [quota, startsOn, deadline, today, projected, actual]);
  const number = (value: number) => formatNumber(locale, value);
  const { points } = curve;
  const ticks = axisTicks(Math.max(quota, curve.total));
  const top = ticks.at(-1) || 1;
  const x = (index: number) => (index / Math.max(1, points.length - 1)) * size;
  const y = (value: number) => size - (value / top) * size;
  // Actual days come first (they are the days before today), then the projected ones.
  const vertices = points.map((point, index) => `${x(index)},${y(point.cumulative)}`);
  const past = points.filter((point) => point.kind === 'actual');
  const actualLine = vertices.slice(0, past.length);
  // The projection starts where the actual line ends, so the two read as one curve.
  const projectedLine = vertices.slice(Math.max(0, past.length - 1));
  const todayIndex = points.findIndex((point) => point.date === today);
  const percent = (value: number) => `${(value / size) * 100}%`;
  const first = points[0]?.date ?? today;

  let result: string;
  if (curve.reachedOn === null) result = t('planView:curve.short', { quota: number(quota), shortfall: number(curve.shortfall), total: number(curve.total), date: formatDate(locale, deadline) });
  else if (curve.reachedOn < today) result = t('planView:curve.reachedBefore', { quota: number(quota), date: formatDate(locale, curve.reachedOn) });
  else result = t('planView:curve.reached', { quota: number(quota), date: formatDate(locale, curve.reachedOn) });

  return (
    <div className="plan-curve">
      <div className="plan-curve-summary">
        {past.length > 0 && <p>{t('planView:curve.taken', { taken: number(curve.taken), today: formatDate(locale, today) })}</p>}
        <p className={curve.reachedOn === null ? 'plan-curve-short' : undefined}>
          <strong>{result}</strong>
        </p>
        <p>{t('planView:curve.assumption')}</p>
      </div>
      <ul className="plan-curve-legend">
        {past.length > 0 && (
          <li>
            <span className="plan-curve-key plan-curve-key-actual" aria-hidden="true" /> {t('planView:curve.actual')}
          </li>
        )}
        <li>
          <span className="plan-curve-key plan-curve-key-projected" aria-hidden="true" /> {t('planView:curve.projected')}
        </li>
        <li>
          <span className="plan-curve-key plan-curve-key-quota" aria-hidden="true" /> {t('planView:curve.quota', { quota: number(quota) })}
        </li>
      </ul>
      <div className="plan-curve-chart" role="img" aria-label={t('planView:curve.chart')}>
        <div className="plan-curve-y">
          {ticks.map((tick) => (
            <span key={tick} style={{ top: percent(y(tick)) }}>
              {number(tick)}
            </span>
          ))}
        </div>
        <div className="plan-curve-plot">
          <svg viewBox={`0 0 ${size} ${size}`} preserveAspectRatio="none" focusable="false">
            {ticks.map((tick) => (
              <line key={tick} className="plan-curve-grid" x1={0} x2={size} y1={y(tick)} y2={y(tick)} vectorEffect="non-scaling-stroke" />
            ))}
            <line className="plan-curve-quota" x1={0} x2={size} y1={y(quota)} y2={y(quota)} vectorEffect="non-scaling-stroke" />
            {todayIndex > 0 && <line className="plan-curve-today" x1={x(todayIndex)} x2={x(todayIndex)} y1={0} y2={size} vectorEffect="non-scaling-stroke" />}
            {actualLine.length > 1 && <polyline className="plan-curve-actual" points={actualLine.join(' ')} vectorEffect="non-scaling-stroke" />}
            {projectedLine.length > 1 && <polyline className="plan-curve-projected" points={projectedLine.join(' ')} vectorEffect="non-scaling-stroke" />}
          </svg>
          {todayIndex > 0 && (
            <span className="plan-curve-today-label" style={{ left: percent(x(todayIndex)) }}>
              {t('planView:curve.today')}
            </span>
          )}
        </div>
        <div className="plan-curve-x">
          <span>{formatDateNumeric(locale, first)}</span>
          <span>{formatDateNumeric(locale, deadline)}</span>
        </div>
      </div>
      <details className="plan-curve-table">
        <summary>{t('planView:curve.table')}</summary>
        <div className="table-scroll" role="region" aria-label={t('planView:curve.caption')} tabIndex={0}>
          <table>
            <caption>{t('planView:curve.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('planView:curve.days')}</th>
                <th scope="col">{t('planView:curve.kind')}</th>
                <th scope="col" className="plan-curve-number">{t('planView:curve.applications')}</th>
                <th scope="col" className="plan-curve-number">{t('planView:curve.cumulative')}</th>
              </tr>
            </thead>
            <tbody>
              {curveWeeks(points).map((week) => (
                <tr key={week.from}>
                  <th scope="row">
                    {week.from === week.to
                      ? formatDateNumeric(locale, week.from)
                      : t('planView:curve.range', { from: formatDateNumeric(locale, week.from), to: formatDateNumeric(locale, week.to) })}
                  </th>
                  <td>{t(week.kind === 'actual' ? 'planView:curve.kindActual' : 'planView:curve.kindProjected')}</td>
                  <td className="plan-curve-number">{number(week.applications)}</td>
                  <td className="plan-curve-number">{number(week.cumulative)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
