// The tracking page's link "Đặt lịch nhận kết quả": only for a result ready at the counter.
import { describe, expect, it } from 'vitest';
import { pickupAtCounter } from './pickup';

describe('booking a result\'s pickup from the tracking page', () => {
  it('is offered when the result is ready at the counter (or no delivery was chosen), not by post or online, not before it is ready', () => {
    expect(pickupAtCounter({ status: 'resultReady', deliveryMethod: 'counter' })).toBe(true);
    expect(pickupAtCounter({ status: 'resultReady', deliveryMethod: null })).toBe(true);
    expect(pickupAtCounter({ status: 'resultReady', deliveryMethod: 'post' })).toBe(false);
    expect(pickupAtCounter({ status: 'resultReady', deliveryMethod: 'online' })).toBe(false);
    expect(pickupAtCounter({ status: 'processing', deliveryMethod: 'counter' })).toBe(false);
    expect(pickupAtCounter({ status: 'returned', deliveryMethod: 'counter' })).toBe(false);
  });
});
