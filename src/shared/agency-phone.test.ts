import { describe, expect, it } from 'vitest';
import { agencyPhoneProblem } from './agency-phone';

describe('agencyPhoneProblem', () => {
  it.each([
    ['0277 3852 111', null], // the provincial centre's landline (DOMAIN §5.5)
    ['0912.345.678', null],
    ['+84 277 3852 111', null],
    ['(0277) 3852-111', null],
    ['1900 1234', null],
    ['', null],
    ['  ', null],
  ])('accepts "%s"', (phone, expected) => expect(agencyPhoneProblem(phone)).toBe(expected));

  it.each([
    ['0277 ABC', /chỉ gồm chữ số/],
    ['02-77+3852', /chỉ gồm chữ số/],
    ['113', /từ 8 đến 15 chữ số \(đang có 3/],
    ['0277 3852 1111 2222', /đang có 16/],
    ['0'.repeat(31), /dài quá 30 ký tự/],
  ])('refuses "%s"', (phone, message) => expect(agencyPhoneProblem(phone)).toMatch(message));
});
