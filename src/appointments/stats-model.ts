// The bookings' figures of a period (pure): how many were made, through which channel, and how
// many of those whose time has come were kept or missed. The queue's own figures (waits, the share
// called within 15 minutes) are queueFigures in queue-model.ts.
import { channelLabels, channels, type BookingChannel, type BookingStatus } from './model';

export interface BookingFigures {
  readonly total: number;
  readonly arrived: number;
  readonly noShow: number;
  readonly cancelled: number;
  /** still ahead (or not yet closed by the no-show job) */
  readonly booked: number;
  /** no-shows among the bookings whose outcome is known (arrived + no-show), one decimal; null when none */
  readonly noShowPercent: number | null;
  /** every channel, in the model's order, with its label (zero counts included) */
  readonly byChannel: { readonly channel: BookingChannel; readonly label: string; readonly count: number }[];
}

export function bookingFigures(bookings: readonly { readonly status: BookingStatus; readonly channel: BookingChannel }[]): BookingFigures {
  const count = (status: BookingStatus) => bookings.filter((b) => b.status === status).length;
  const arrived = count('arrived');
  const noShow = count('no_show');
  const known = arrived + noShow;
  return {
    total: bookings.length, arrived, noShow, cancelled: count('cancelled'), booked: count('booked'),
    noShowPercent: known === 0 ? null : Math.round((1000 * noShow) / known) / 10,
    byChannel: channels.map((channel) => ({ channel, label: channelLabels[channel], count: bookings.filter((b) => b.channel === channel).length })),
  };
}
