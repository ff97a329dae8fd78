// The app's addresses. Only pages that work are listed; a new surface adds its path here.
export const paths = {
  home: '/',
  changePassword: '/doi-mat-khau',
  adminCalendar: '/quan-tri/lich',
  counterReceive: '/quay/tiep-nhan',
  counterReturn: '/quay/tra-ket-qua',
  processingQueue: '/xu-ly',
  /** a dossier's page is this path + '/' + its code */
  processingDossier: '/xu-ly/ho-so',
  dossierSearch: '/xu-ly/tim-kiem',
  /** public, no sign-in; `?ma=<code>` prefills the code */
  tracking: '/tra-cuu',
  /** supervisors: statistics and the Decision 766 indicators */
  dashboard: '/giam-sat/thong-ke',
  /** supervisors and approvers: at-risk and overdue dossiers, officers, audit check, notifications */
  supervision: '/giam-sat/theo-doi',
  /** public, no sign-in: processing times per procedure */
  transparency: '/minh-bach',
  /** citizens: their own dossiers (each opens at processingDossier, scoped by the server) */
  myDossiers: '/cong-dan/ho-so',
} as const satisfies Record<string, `/${string}`>;
