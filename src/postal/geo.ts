/**
 * Positions and distances for the courier's route. There is no offline geocoder: an address is
 * placed at its commune's centre (the directory's `centre`), refined by the last position the
 * courier's phone confirmed at that address. Distance on the road = great-circle × a road factor.
 */

export interface LatLng {
  readonly latitude: number;
  readonly longitude: number;
}

const EARTH_RADIUS_KM = 6371.0088; // IUGG mean radius

export function greatCircleKm(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLng = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Roads in the Mekong delta wind along canals and cross rivers by bridge or ferry: 1.4 × the
 * straight line is configuration [U], not a measured figure.
 */
export const DEFAULT_ROAD_FACTOR = 1.4;

export function roadKm(a: LatLng, b: LatLng, roadFactor = DEFAULT_ROAD_FACTOR): number {
  return greatCircleKm(a, b) * roadFactor;
}

export type PositionSource = 'confirmed' | 'communeCentre';

/** Where an address is: the last position confirmed there, else its commune's centre. */
export function positionOfAddress(address: {
  readonly communeCentre: LatLng;
  readonly lastConfirmed: LatLng | null;
}): { readonly position: LatLng; readonly source: PositionSource } {
  return address.lastConfirmed
    ? { position: address.lastConfirmed, source: 'confirmed' }
    : { position: address.communeCentre, source: 'communeCentre' };
}
