// Where the courier stands when the phone says so (issue 13 §1: "the position when the device gives
// it"): asked once, in the background; an action never waits for it and goes without it when the
// phone refuses, has no fix, or the browser has no geolocation.
import { useEffect, useState } from 'react';
import type { Position } from './api';

export function usePosition(): Position | null {
  const [position, setPosition] = useState<Position | null>(null);
  useEffect(() => {
    if (typeof navigator === 'undefined' || !navigator.geolocation) return;
    let live = true;
    navigator.geolocation.getCurrentPosition(
      (p) => { if (live) setPosition({ lat: p.coords.latitude, lon: p.coords.longitude }); },
      () => { /* refused or no fix: the action goes without a position */ },
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 120_000 },
    );
    return () => { live = false; };
  }, []);
  return position;
}
