// The app's addresses. Only pages that work are listed; a new surface adds its path here.
export const paths = {
  home: '/',
  changePassword: '/doi-mat-khau',
  adminCalendar: '/quan-tri/lich',
} as const satisfies Record<string, `/${string}`>;
