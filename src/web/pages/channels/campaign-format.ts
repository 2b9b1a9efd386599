import { SOURCE_CHANNEL_LABELS, SOURCE_CHANNELS } from '../../../common/customers.ts';
import { EMPTY_TEXT, formatNumber, formatPrice } from '../../lib/format.ts';

export const CAMPAIGN_CHANNEL_OPTIONS = SOURCE_CHANNELS.map((value) => ({ value, label: SOURCE_CHANNEL_LABELS[value] }));

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Yuan as read in a report: 「8,500 元」 below ten thousand, 「312.5 万元」 from there; 「—」 for none. */
export function formatMoney(yuan: number | null): string {
  if (yuan === null) return EMPTY_TEXT;
  if (Math.abs(yuan) < 10_000) return `${formatNumber(round(yuan, 2))} 元`;
  return `${formatNumber(round(yuan / 10_000, 2))} 万元`;
}

/** The exact amount, for a tooltip beside a rounded one. */
export function exactMoney(yuan: number | null): string | undefined {
  return yuan === null ? undefined : formatPrice(yuan);
}

/** Contract value per yuan spent: 「12.5 倍」. */
export function formatReturn(ratio: number | null): string {
  return ratio === null ? EMPTY_TEXT : `${formatNumber(round(ratio, 2))} 倍`;
}

/** Today's date in Shanghai as YYYY-MM-DD, to tell upcoming, running and finished campaigns apart. */
export function campaignPhase(startsOn: string, endsOn: string, today: string): 'upcoming' | 'running' | 'ended' {
  if (today < startsOn) return 'upcoming';
  return today > endsOn ? 'ended' : 'running';
}
