// The addresses of the surfaces that stand alone (standalone.tsx): the portal, the kiosk, the
// display — and the citizen pages the portal's frame and catalogue link to. Kept apart from routes.ts so that the entry chunk a citizen downloads first carries
// these few, not every staff page's address (test/web-bundle.test.ts); routes.ts spreads them
// into the one `paths` table.
export const publicPaths = {
  /** public, no sign-in; `?ma=<code>` prefills the code */
  tracking: '/tra-cuu',
  /** citizens: their own dossiers (each opens at processingDossier, scoped by the server) */
  myDossiers: '/cong-dan/ho-so',
  /** citizens: their document store (digitized papers, electronic results) and their consent */
  myPapers: '/cong-dan/giay-to',
  /** citizens: submit online; a procedure's submission is this path + '/' + its code (?ban-nhap=<draft id> resumes) */
  onlineSubmit: '/nop-truc-tuyen',
  /** public, no sign-in, full screen: the queue kiosk of the service point staff opened it for */
  kiosk: '/may-lay-so',
  /** public, no sign-in, full screen: the waiting room's display is this path + '/' + the service point code */
  queueDisplay: '/man-hinh-goi-so',
  /** public, the citizens' portal: book a time at a counter; a booking's signed link is this path + '/' + its code + '?t=' */
  portalBooking: '/dat-lich',
  /** public, the citizens' portal: find a procedure (with or without diacritics); a procedure's page is this path + '/' + its code */
  portalProcedures: '/thu-tuc',
  /** the sign-in page (anyone not signed in sees it at the home address) */
  signIn: '/',
  /** public, the citizens' portal: open an account with a phone or an e-mail verified by a code */
  register: '/dang-ky',
  /** public, the citizens' portal: a new password by a code to the account's phone or e-mail */
  forgotPassword: '/quen-mat-khau',
  /** citizens: their sign-in name, phone and e-mail (verified by a code), the password */
  myAccount: '/cong-dan/tai-khoan',
  /** public: where the payment gateway sends the payer back (`?order=<txnRef>`); the outcome is read from the server */
  payResult: '/thanh-toan/ket-qua',
} as const satisfies Record<string, `/${string}`>;

/** The code or id in a page's path after its prefix: `codeAfter('/xu-ly/ho-so/A%2F1', paths.processingDossier)` → `A/1`. */
export function codeAfter(path: string, prefix: string): string {
  return decodeURIComponent(path.slice(prefix.length + 1).split('/')[0] ?? '');
}
