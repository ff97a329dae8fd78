// A booking as an iCalendar file (issue 14 §6, RFC 5545) made with ical-generator: times are
// written with TZID=Asia/Ho_Chi_Minh (converted by luxon, never through the server's zone) and a
// reminder an hour before; the UID is the booking code, so a rescheduled booking replaces the old
// event in the citizen's calendar (SEQUENCE = the link version).
import ical, { ICalAlarmType } from 'ical-generator';
import { DateTime } from 'luxon';
import type { BookingView } from './booking-view';

export const VN_ZONE = 'Asia/Ho_Chi_Minh';

export function bookingCalendar(booking: BookingView, o: { readonly sequence: number; readonly stamp: Date; readonly manageUrl: string | null }): string {
  const calendar = ical({ prodId: { company: 'motcua', product: 'appointments', language: 'VI' }, name: 'Lịch hẹn Một cửa', timezone: VN_ZONE });
  const at = (iso: string) => DateTime.fromISO(iso, { setZone: true }).setZone(VN_ZONE);
  const event = calendar.createEvent({
    id: `${booking.code}@motcua`,
    sequence: o.sequence,
    stamp: DateTime.fromJSDate(o.stamp).setZone(VN_ZONE),
    start: at(booking.startsAt),
    end: at(booking.endsAt),
    timezone: VN_ZONE,
    summary: `${booking.purposeLabel}: ${booking.procedureName}`,
    location: booking.purpose === 'home' ? booking.address ?? '' : `${booking.servicePoint.name}, ${booking.servicePoint.address}`,
    description: [
      `Mã lịch hẹn: ${booking.code}`,
      `Thủ tục: ${booking.procedureCode} — ${booking.procedureName}`,
      booking.purpose === 'home' ? 'Bưu tá đến tại địa chỉ đã đăng ký.' : `Quầy: ${booking.seat}`,
      ...(o.manageUrl ? [`Đổi hoặc hủy lịch: ${o.manageUrl}`] : []),
    ].join('\n'),
    ...(o.manageUrl ? { url: o.manageUrl } : {}),
  });
  event.createAlarm({ type: ICalAlarmType.display, trigger: 3600, description: `Nhắc lịch hẹn ${booking.code}` });
  return calendar.toString();
}
