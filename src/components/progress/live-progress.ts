// The progress page's script, the only one it loads. The page is built with every campaign's
// report; this shows the one `?campaign=` names (a static page cannot read its query string), else
// the one last chosen on this device (as the other citizen pages do; the featured one otherwise), then
// reads that campaign's figures again: places are booked and daily counts recorded all day, while
// the page holds what the database said when the site was built (the booked places would stay at
// the build's count). It rewrites the figures in place and puts the ranking's rows in their new
// order; without script, or if the read fails, the built figures stay, with their date.
import { createTranslator, type Messages, type Translate } from '../../islands/translator.ts';
import { formatNumber, formatPercent } from '../../lib/format.ts';
import { judgePace, paceMessage } from '../../domain/pace.ts';
import { barShare, leaders, rankedCount, unitsAtRisk } from '../../domain/ranking.ts';
import type { CampaignProgress, UnitProgress } from '../../domain/progress.ts';
import { unitName } from '../../domain/unit-name.ts';
import type { Locale } from '../../i18n/config.ts';
import { rememberedCampaign } from '../../lib/remembered-campaign.ts';

type RowFigures = Pick<UnitProgress, 'intake' | 'quota' | 'percent' | 'recent_average' | 'rate_needed'>;

async function readProgress(slug: string): Promise<CampaignProgress | undefined> {
  const key = import.meta.env.PUBLIC_SUPABASE_ANON_KEY ?? '';
  // A GET, which a CDN may answer for up to a minute (public.campaign_progress's Cache-Control).
  const url = `${import.meta.env.PUBLIC_SUPABASE_URL}/rest/v1/rpc/campaign_progress?p_slug=${encodeURIComponent(slug)}`;
  const response = await fetch(url, { headers: { apikey: key, Authorization: `Bearer ${key}` } }).catch(() => undefined);
  return response?.ok ? ((await response.json()) as CampaignProgress) : undefined;
}

class Report {
  private readonly element: HTMLElement;
  private readonly locale: Locale;
  private readonly t: Translate;

  constructor(element: HTMLElement, locale: Locale, t: Translate) {
    this.element = element;
    this.locale = locale;
    this.t = t;
  }

  private number(value: number | null): string {
    return value === null ? this.t('progress:table.none') : formatNumber(this.locale, value);
  }

  private percent(value: number | null): string {
    return value === null ? this.t('progress:table.none') : formatPercent(this.locale, value);
  }

  /** A unit's name in the page's language where it has one, else in Vietnamese, marked so. */
  private name(unit: UnitProgress, tag: 'li' | 'span'): HTMLElement {
    const element = document.createElement(tag);
    const name = unitName(unit, this.locale);
    element.textContent = name.text;
    element.lang = name.lang;
    return element;
  }

  show(progress: CampaignProgress): void {
    const { t, locale } = this;
    const applications = (value: number) => t('progress:summary.applications', { count: value, value: formatNumber(locale, value) });
    const time = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    const facts: Record<string, string> = {
      'as-of': t('progress:page.asOfTime', { time }),
      intake: applications(progress.intake),
      percent: formatPercent(locale, progress.percent),
      remaining: applications(progress.remaining),
      booked_upcoming: t('progress:summary.places', { count: progress.booked_upcoming, value: formatNumber(locale, progress.booked_upcoming) }),
    };
    const perDay = (key: string, value: number | null) => (value === null ? undefined : t(key, { count: value, value: formatNumber(locale, value) }));
    const pace = judgePace(progress);
    const judgement = paceMessage(pace, (percent) => formatPercent(locale, percent));
    const sentences: Record<string, string | undefined> = {
      'pace-needed': perDay('progress:pace.needed', progress.rate_needed),
      'pace-average': perDay('progress:pace.average', progress.average_daily),
      'pace-judgement': t(`progress:${judgement.key}`, judgement.values),
    };
    for (const element of this.element.querySelectorAll<HTMLElement>('[data-live]')) {
      const live = element.dataset.live ?? '';
      element.textContent = facts[live] ?? sentences[live] ?? element.textContent;
      if (live === 'pace-judgement') element.dataset.status = pace.status;
    }
    this.showRanking(progress);
  }

  private showRanking(progress: CampaignProgress): void {
    const body = this.element.querySelector('tbody');
    const total = this.element.querySelector<HTMLElement>('tfoot tr');
    if (!body || !total) return;
    const top = leaders(progress.units);
    for (const unit of progress.units) {
      const row = body.querySelector<HTMLElement>(`tr[data-unit="${unit.code}"]`);
      if (!row) continue;
      this.showRow(row, unit);
      const place = this.field(row, 'rank');
      place.textContent = unit.rank === null ? '' : String(unit.rank);
      place.classList.toggle('podium', top.includes(unit));
      this.field(row, 'at_risk').hidden = !unit.at_risk;
      body.append(row);
    }
    this.showRow(total, progress);

    const atRisk = unitsAtRisk(progress.units);
    this.showList('leaders', top, (unit) => {
      const item = document.createElement('li');
      // Shared places keep their number: two units in first place are both 1.
      item.value = unit.rank ?? 0;
      const share = document.createElement('strong');
      share.textContent = this.percent(unit.percent);
      item.append(this.name(unit, 'span'), ' ', share);
      return item;
    });
    this.showList('risk', atRisk, (unit) => this.name(unit, 'li'));
    const count = this.element.querySelector('[data-glance="risk-count"]');
    if (count) count.textContent = this.t('progress:glance.atRiskCount', { count: atRisk.length, total: rankedCount(progress.units) });
  }

  private showList(name: 'leaders' | 'risk', units: UnitProgress[], item: (unit: UnitProgress) => HTMLElement): void {
    const list = this.element.querySelector(`[data-glance="${name}"]`);
    const none = this.element.querySelector<HTMLElement>(`[data-glance="no-${name}"]`);
    if (!list || !none) return;
    list.replaceChildren(...units.map(item));
    none.hidden = units.length > 0;
  }

  private showRow(row: HTMLElement, figures: RowFigures): void {
    // A unit without a quota has no bar.
    row.querySelector<HTMLElement>('[data-field="bar"]')?.style.setProperty('--share', `${barShare(figures.percent)}%`);
    this.field(row, 'of').textContent =
      figures.quota === null
        ? this.t('progress:table.noQuota')
        : this.t('progress:table.intakeOfQuota', { intake: formatNumber(this.locale, figures.intake), quota: formatNumber(this.locale, figures.quota) });
    this.field(row, 'percent').textContent = this.percent(figures.percent);
    this.field(row, 'recent_average').textContent = this.number(figures.recent_average);
    this.field(row, 'rate_needed').textContent = this.number(figures.rate_needed);
  }

  private field(row: HTMLElement, name: string): HTMLElement {
    const element = row.querySelector<HTMLElement>(`[data-field="${name}"]`);
    if (!element) throw new Error(`the row has no ${name}`);
    return element;
  }
}

class ProgressPage extends HTMLElement {
  connectedCallback(): void {
    const reports = [...this.querySelectorAll<HTMLElement>('[data-campaign]')];
    const reportOf = (slug: string | null) => (slug ? reports.find((report) => report.dataset.campaign === slug) : undefined);
    const chosen = reportOf(new URLSearchParams(location.search).get('campaign')) ?? reportOf(rememberedCampaign());
    if (chosen) for (const report of reports) report.hidden = report !== chosen;
    const shown = chosen ?? reports.find((report) => !report.hidden);
    for (const link of this.querySelectorAll<HTMLElement>('[data-campaign-link]')) {
      link.hidden = link.dataset.campaignLink === shown?.dataset.campaign;
    }
    if (!shown?.dataset.campaign) return;
    const locale = document.documentElement.lang as Locale;
    const report = new Report(shown, locale, createTranslator(locale, JSON.parse(this.dataset.messages ?? '{}') as Messages));
    void readProgress(shown.dataset.campaign).then((progress) => progress && report.show(progress));
  }
}

customElements.define('progress-page', ProgressPage);
