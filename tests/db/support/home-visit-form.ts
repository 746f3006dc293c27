// A home-visit request as the form fills it, for the db tests that send one.
import type { HomeVisitRequestInput } from '../../../src/domain/home-visit.ts';
import { consentInForce, person, phone } from './fixtures.ts';

/** A request for a new made-up person in Phú Hội (19786) unless told, for the campaign of that slug. */
export function homeVisitForm(campaign: string, overrides: Partial<HomeVisitRequestInput> = {}): HomeVisitRequestInput {
  const someone = person();
  return {
    full_name: someone.full_name,
    birth_date: someone.birth_date,
    old_id_number: '',
    reason: 'elderly',
    reason_other: '',
    ward: '19786',
    street_address: '12 kiệt 5 Nguyễn Công Trứ',
    landmark: 'Cổng xanh, đối diện nhà văn hóa',
    lat: null,
    lng: null,
    needs: ['bedridden', 'hearing'],
    ethnic_language: '',
    preferred_days: ['1', '3'],
    preferred_periods: ['morning'],
    requester_name: 'Trần Thị Hoa',
    requester_phone: phone(),
    relationship: 'child',
    messages: null,
    consent: consentInForce,
    campaign,
    ...overrides,
  };
}
