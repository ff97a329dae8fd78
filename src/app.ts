// The composition root: builds the Fastify app and wires the capabilities together.
// Lower capabilities never import higher ones; what crosses between them is wired here.
import { registerAccountsRoutes, actorResolver } from './accounts/routes';
import { registerCalendarRoutes } from './calendar/routes';
import { registerCatalogRoutes } from './catalog/routes';
import { registerDirectoryRoutes } from './directory/routes';
import type { DossierContext, DossierHook } from './dossiers/events';
import { recordPaymentReceived, type HandoffSource } from './dossiers/service';
import { registerDossierRoutes } from './dossiers/routes';
import { registerAnchorRoutes } from './dossiers/anchor-routes';
import { anchorJob } from './dossiers/anchor-job';
import { registerFormsRoutes } from './forms/routes';
import { registerTrackingRoutes } from './tracking/routes';
import { resolveScope } from './directory/service';
import type { Clock } from './platform/clock';
import { REPORT_EXPORTS_JOB, reportExportsJob } from './reports/exports';
import type { Config } from './platform/config';
import type { Database } from './platform/db/connect';
import { registerHealthRoutes, registerHttpMetrics } from './platform/http/health';
import type pg from 'pg';
import { isSystemAdmin } from './accounts/policy';
import { actorOfUsername } from './accounts/service';
import type { DatabaseStatus } from './platform/db/watch';
import { createMetrics, type Metrics } from './platform/metrics';
import type { Alert } from './platform/alerts';
import { outboxFigures } from './notifications/outbox';
import { createHttpServer, type HttpApp } from './platform/http/server';
import { loggerOptions } from './platform/logging';
import { rollupHook } from './reports/hook';
import { registerReportRoutes } from './reports/routes';
import { registerCounterRoutes } from './counter/routes';
import { registerPostalRoutes } from './postal/routes';
import { registerDayPlanRoutes } from './postal/day-plan-routes';
import { registerCourierRoutes } from './postal/courier-routes';
import { registerTransferRoutes } from './postal/transfer-routes';
import { registerPostalIncidentRoutes } from './postal/incident-routes';
import { registerPostalReportRoutes } from './postal/report-routes';
import { buildPostalQuarterlyReport, POSTAL_QUARTERLY_EXPORT, checkPostalQuarter } from './postal/quarterly-export';
import { postalHandoffs, postalResultHookWith } from './postal/service';
import { carrierFromConfig, carrierJobs } from './postal/carrier-job';
import { signatureMoveJob } from './postal/signature-move';
import { postalFilesHeld } from './postal/archive-holder';
import type { CarrierAdapter } from './postal/carrier';
import { DEFAULT_ESCALATION, runEscalation, type EscalationSettings } from './supervision/escalation';
import { registerSupervisionRoutes } from './supervision/routes';
import { backfillResolutions, resolutionHook } from './reports/transparency';
import { registerTransparencyRoutes } from './reports/transparency-routes';
import { registerNotificationRoutes } from './notifications/routes';
import { everyMinutesCron, type JobDefinition } from './platform/jobs';
import { pruneAttempts } from './platform/throttle';
import { version } from './platform/version';
import { registerOutboxAdminRoutes } from './notifications/admin-routes';
import { outboxDeliveryJob } from './notifications/delivery';
import { registerQueueRoutes } from './appointments/queue-routes';
import { QUEUE_CHANNEL, type BookingLookup } from './appointments/queue-kiosk';
import { listenTo } from './platform/db/listen';
import { registerPortalRoutes } from './appointments/portal-routes';
import { registerIdentityRoutes } from './identity/routes';
import { registerEidRoutes } from './identity/eid-routes';
import { storeHook } from './documents/store-hook';
import { mayReadStoredFile, reusedPapersCheck } from './documents/store';
import { registerStoreRoutes } from './documents/store-routes';
import { registerResultRoutes } from './documents/results-routes';
import { registerCopyRoutes } from './documents/copies-routes';
import type { RemoteSigner } from './documents/signing';
import { registerFilesRoutes } from './documents/files-routes';
import { registerOcrRoutes } from './documents/ocr-routes';
import { ocrJob } from './documents/ocr-job';
import { openFile } from './documents/service';
import { papersOfFilesInScope } from './dossiers/paper-search';
import { paperFilesCheck } from './documents/files-intake';
import type { FilesDeps } from './documents/service';
import { mayReadPaperFile, paperFilesHeld } from './dossiers/paper-files';
import { ARCHIVE_JOB, archiveHolders, runArchive } from './documents/archive-job';
import { fileStoreOf } from './platform/files';
import type { FileStore } from './platform/files/store';
import { registerAppointmentRoutes } from './appointments/routes';
import { recordNoShows, sendReminders } from './appointments/staff';
import { lookupBookedVisit } from './appointments/reads';
import { sendersFromConfig } from './notifications/senders';
import type { MailSender } from './notifications/mail';
import type { SmsSender } from './notifications/sms';
import { registerOnlineRoutes } from './online/routes';
import { draftSubject, submitOnlineFromNational } from './online/service';
import { syncHook } from './sync/hook';
import { bundleHandoffs } from './bundles/handoffs';
import { bundleHook } from './bundles/hook';
import { bundleRefusedActions } from './bundles/member-facts';
import { bundleResultPlan } from './bundles/returns';
import { registerBundleRoutes } from './bundles/routes';
import { syncJobs } from './sync/jobs';
import { registerSyncRoutes } from './sync/routes';
import { registerPaymentRoutes } from './payments/routes';
import { registerCashierRoutes } from './payments/cashier-routes';
import { registerReconciliationRoutes } from './payments/reconciliation-routes';
import { moveSubject, paymentStateOf, type PaymentsDeps } from './payments/service';
import { dossierSubject } from './payments/subjects';
import { duplicateRefundJob } from './payments/duplicate-refunds';
import { gatewayRefundsOf } from './payments/gateway-refund';

export interface AppDeps {
  readonly db: Database;
  /** The read replica (`DATABASE_READ_URL`) for reports, public tracking and search; absent: `db` (RouteDeps.reader). */
  readonly reader?: Database;
  readonly clock: Clock;
  readonly config: Config;
  /** false in tests; pino options otherwise. */
  readonly logger?: boolean;
  /** Requests a minute allowed per client on login; tests raise it. */
  readonly loginRateLimit?: number;
  /** Requests a minute allowed per client on public dossier tracking; tests raise it. */
  readonly trackRateLimit?: number;
  /** Extra in-transaction hooks run after every dossier event, between the resolution hook and the roll-up (tests). */
  readonly dossierHooks?: readonly DossierHook[];
  /** Requests a minute allowed per client on the public transparency figures; tests raise it. */
  readonly transparencyRateLimit?: number;
  /** When approvers are told a dossier is at risk (the escalation job and the supervision lists). */
  readonly escalation?: EscalationSettings;
  /** The metrics registry (`motcua serve` shares it with the job runner and alerts); a fresh one otherwise. */
  readonly metrics?: Metrics;
  /** The application's pool, for the pool figures of /api/metrics and /api/health/detail. */
  readonly pool?: pg.Pool;
  /** The database watch of `motcua serve` (src/platform/db/watch.ts). */
  readonly databaseStatus?: () => DatabaseStatus;
  /** Queues one run of a background job now (`JobRunner.send` of `motcua serve`): report exports start at request time. */
  readonly sendJob?: (name: string) => Promise<void>;
  /** How the queue finds a booking by its code at check-in (the appointments' bookings; tests may give their own). */
  readonly lookupBooking?: BookingLookup;
  /** Where uploaded files are kept; the configured store (folder under the data folder, or S3) otherwise (tests pass their own). */
  readonly fileStore?: FileStore;
  /** The SMS adapter one-time codes are sent through at once; the configured one (or the simulator) otherwise. */
  readonly sms?: SmsSender;
  /** The mail adapter one-time codes to an e-mail are sent through at once; the configured one (SMTP, or the simulator) otherwise. */
  readonly mail?: MailSender;
  /** Requests a minute allowed per client on the public appointment routes; tests raise it. */
  readonly appointmentRateLimit?: number;
  /** The remote signing service for certified electronic copies (src/documents/signing.ts); none: copies say they carry no digital signature. */
  readonly signer?: RemoteSigner;
  /** The post's order and tracking services (src/postal/carrier.ts); else the configured one (MOTCUA_CARRIER_URL: carrier-http.ts) or the local simulator. */
  readonly carrier?: CarrierAdapter;
}

/** The files' store, limits and readers (who may read a file because their data names it). */
export function filesDepsOf(deps: Pick<AppDeps, 'config' | 'fileStore'>): FilesDeps {
  return {
    store: deps.fileStore ?? fileStoreOf(deps.config.files),
    maxBytes: deps.config.files.maxBytes,
    maxPages: deps.config.files.maxPages,
    readers: [mayReadPaperFile, mayReadStoredFile],
  };
}

/** The gateway settings and how payments find their subjects (a draft's resolver is added by the online capability). */
export function paymentsDepsOf(config: Pick<AppDeps['config'], 'payments' | 'publicUrl'>, dossiers?: DossierContext): PaymentsDeps {
  return {
    settings: config.payments, publicUrl: config.publicUrl, subjects: { dossier: dossierSubject, draft: draftSubject },
    // a dossier awaiting its fee moves on in the receipt's transaction (the gateway: the system)
    ...(dossiers ? { onDossierPaid: async (trx, p) => { await recordPaymentReceived(trx, dossiers, p.dossierCode, p.actor, p.online ? 'online_provincial' : 'counter', p.now); } } satisfies Partial<PaymentsDeps> : {}),
  };
}

/** The in-transaction hooks after every dossier event; the roll-up last: its hot day and month rows stay locked only from its upsert to the commit. */
export const dossierHooksOf = (extra: readonly DossierHook[]): DossierHook[] => {
  // a bundle's member that waits for another's result is received, with these hooks, when it is ready
  const hooks: DossierHook[] = [];
  // a bundle's members' results follow the bundle's return choice (one postal delivery for all, issue 17 §4)
  hooks.push(resolutionHook, storeHook, bundleHook({ hooks: () => hooks }), ...extra, postalResultHookWith({ plan: bundleResultPlan }), syncHook, rollupHook);
  return hooks;
};
/** The checks of every intake's papers (reused from the store, uploaded files). */
const intakeChecks = [reusedPapersCheck, paperFilesCheck];

/** Operator figures: /api/metrics, /api/health/detail, gauges read at each scrape. */
async function registerOperatorRoutes(app: HttpApp, deps: AppDeps, resolveActor: ReturnType<typeof actorResolver>): Promise<void> {
  const metrics = deps.metrics ?? createMetrics();
  const outbox = () => outboxFigures(deps.db, deps.clock.now());
  metrics.addGauge('motcua_outbox_pending', 'Outgoing SMS and mail not yet delivered', async () => (await outbox()).pending);
  metrics.addGauge('motcua_outbox_dead', 'Outgoing messages given up after their attempts (dead letters)', async () => (await outbox()).dead);
  metrics.addGauge('motcua_outbox_oldest_pending_seconds', 'Age of the oldest outgoing message not yet delivered', async () => (await outbox()).oldestPendingSeconds);
  if (deps.pool) metrics.watchPool(deps.pool, () => deps.databaseStatus?.().up ?? true);
  registerHttpMetrics(app, metrics);
  await registerHealthRoutes(app, {
    db: deps.db, version, metrics, resolveActor, isOperator: isSystemAdmin, metricsToken: deps.config.metricsToken,
    ...(deps.pool ? { pool: deps.pool } : {}),
    ...(deps.databaseStatus ? { databaseStatus: deps.databaseStatus } : {}),
    detailSections: { outbox: async () => ({ ...(await outbox()) }) },
  });
}

export async function buildApp(deps: AppDeps): Promise<HttpApp> {
  const routeDeps = { db: deps.db, clock: deps.clock, ...(deps.reader ? { reader: deps.reader } : {}) };
  const resolveActor = actorResolver(routeDeps);
  const app = await createHttpServer({
    logger: deps.logger === true ? loggerOptions(deps.config.logLevel) : false,
    resolveActor,
    webDir: deps.config.webDir,
    version,
    trustProxy: deps.config.trustProxy,
    publicUrl: deps.config.publicUrl,
  });
  await registerOperatorRoutes(app, deps, resolveActor);
  registerAccountsRoutes(app, routeDeps, {
    sessionTtlHours: deps.config.sessionTtlHours,
    loginRateLimit: deps.loginRateLimit ?? deps.config.rateLimits.login,
    secureCookies: deps.config.publicUrl.startsWith('https:'),
    lookupScope: (kind, code) => resolveScope(deps.db, kind, code),
  });
  registerDirectoryRoutes(app, routeDeps);
  registerCatalogRoutes(app, { ...routeDeps, rateLimit: deps.config.rateLimits.catalog });
  registerCalendarRoutes(app, routeDeps);
  const sendJob = deps.sendJob;
  registerReportRoutes(app, routeDeps, {
    atRiskWorkingMinutes: (deps.escalation ?? DEFAULT_ESCALATION).atRiskWorkingMinutes,
    ...(sendJob ? { startExports: () => sendJob(REPORT_EXPORTS_JOB) } : {}),
    exportChecks: { [POSTAL_QUARTERLY_EXPORT]: checkPostalQuarter },
  });
  registerSupervisionRoutes(app, { ...routeDeps, atRiskWorkingMinutes: (deps.escalation ?? DEFAULT_ESCALATION).atRiskWorkingMinutes });
  registerTransparencyRoutes(app, { ...routeDeps, rateLimit: deps.transparencyRateLimit ?? deps.config.rateLimits.transparency });
  registerNotificationRoutes(app, routeDeps);
  const dossierHooks = dossierHooksOf(deps.dossierHooks ?? []);
  // the control slip's hand-offs recorded outside the lifecycle: the post's legs and a bundle's steps
  const handoffs: HandoffSource = async (db, code, now) => [...await postalHandoffs(db, code), ...await bundleHandoffs(db, code, now)];
  // a bundle's member offers only the actions its bundle allows by hand (the hook refuses the others)
  registerDossierRoutes(app, { ...routeDeps, hooks: dossierHooks, codeSystem: deps.config.codeSystem, intakeChecks, handoffs, refusedActions: bundleRefusedActions });
  registerBundleRoutes(app, { ...routeDeps, hooks: dossierHooks, codeSystem: deps.config.codeSystem, intakeChecks });
  registerTrackingRoutes(app, { ...routeDeps, trackRateLimit: deps.trackRateLimit ?? deps.config.rateLimits.track });
  registerFormsRoutes(app, { ...routeDeps, publicUrl: deps.config.publicUrl, formSet2025From: deps.config.formSet2025From, handoffs });
  registerCounterRoutes(app, routeDeps);
  registerPostalRoutes(app, { ...routeDeps, hooks: dossierHooks, codeSystem: deps.config.codeSystem, intakeChecks, trackRateLimit: deps.trackRateLimit ?? deps.config.rateLimits.track, publicUrl: deps.config.publicUrl, files: filesDepsOf(deps) });
  registerDayPlanRoutes(app, routeDeps);
  registerCourierRoutes(app, routeDeps);
  registerTransferRoutes(app, { ...routeDeps, files: filesDepsOf(deps) });
  registerPostalIncidentRoutes(app, routeDeps);
  registerPostalReportRoutes(app, routeDeps);
  registerOutboxAdminRoutes(app, routeDeps);
  registerStoreRoutes(app, routeDeps);
  registerFilesRoutes(app, { ...routeDeps, files: filesDepsOf(deps) });
  registerOcrRoutes(app, { ...routeDeps, locatePapers: papersOfFilesInScope });
  registerCopyRoutes(app, {
    ...routeDeps, hooks: dossierHooks, codeSystem: deps.config.codeSystem, files: filesDepsOf(deps), signer: deps.signer ?? null,
    publicUrl: deps.config.publicUrl, rateLimit: deps.transparencyRateLimit ?? deps.config.rateLimits.transparency,
  });
  registerResultRoutes(app, { ...routeDeps, hooks: dossierHooks, codeSystem: deps.config.codeSystem, files: filesDepsOf(deps), trackRateLimit: deps.trackRateLimit ?? deps.config.rateLimits.track });
  registerAnchorRoutes(app, { ...routeDeps, anchorKeyFile: deps.config.anchorKeyFile, rateLimit: deps.transparencyRateLimit ?? deps.config.rateLimits.transparency });
  registerQueue(app, deps);
  registerSyncRoutes(app, routeDeps);
  const paymentsDeps = paymentsDepsOf(deps.config, { db: deps.db, clock: deps.clock, actor: null, hooks: dossierHooks, codeSystem: deps.config.codeSystem });
  registerPaymentRoutes(app, { ...routeDeps, payments: paymentsDeps });
  registerCashierRoutes(app, { ...routeDeps, payments: paymentsDeps });
  registerReconciliationRoutes(app, routeDeps);
  registerAppointmentRoutes(app, {
    ...routeDeps, sms: deps.sms ?? sendersFromConfig(routeDeps, deps.config).sms, publicUrl: deps.config.publicUrl,
    rateLimit: deps.appointmentRateLimit ?? deps.config.rateLimits.track,
  });
  // online submission (issue 15 §2, §3); a fee-bearing full online procedure waits for its payment (src/payments)
  // citizen accounts (issue 15 §1): phone codes, registration, password reset, the clerk's card check
  registerIdentityRoutes(app, {
    ...routeDeps, sms: deps.sms ?? sendersFromConfig(routeDeps, deps.config).sms, mail: deps.mail ?? sendersFromConfig(routeDeps, deps.config).mail,
    rateLimit: deps.appointmentRateLimit ?? deps.config.rateLimits.track });
  // the national e-ID login (issue 15 §1): the configured OpenID Connect provider, or the simulator at /eid-sim
  registerEidRoutes(app, {
    ...routeDeps, eid: deps.config.eid, publicUrl: deps.config.publicUrl, sessionTtlHours: deps.config.sessionTtlHours,
    rateLimit: deps.loginRateLimit ?? deps.config.rateLimits.login,
  });
  // online submission (issue 15 §2, §3); payments: null until src/payments offers paymentStateOf (fee-bearing full online procedures then wait for it)
  registerOnlineRoutes(app, {
    ...routeDeps, hooks: dossierHooks, intakeChecks, codeSystem: deps.config.codeSystem,
    payments: {
      paymentStateOf: async (c, s) => { const state = await paymentStateOf({ ...c, payments: paymentsDepsOf(deps.config) }, s); return { ...state, receiptNumbers: [...state.receiptNumbers] }; },
      moveSubject: async (c, from, to) => { await moveSubject(c, from, to); },
    },
    sms: deps.sms ?? sendersFromConfig(routeDeps, deps.config).sms,
  });
  return app;
}

/** The counter queue; its display hears changes from every instance through LISTEN/NOTIFY on the app's pool. */
function registerQueue(app: HttpApp, deps: AppDeps): void {
  const changes = deps.pool ? listenTo(deps.pool, QUEUE_CHANNEL) : undefined;
  if (changes) app.addHook('onClose', () => changes.close());
  const queue = deps.config.queue;
  registerQueueRoutes(app, {
    db: deps.db, clock: deps.clock, policy: { priority: queue.priority, bookedEarlyMinutes: queue.bookedEarlyMinutes },
    lookupBooking: deps.lookupBooking ?? ((db, code) => lookupBookedVisit(db, code, deps.clock.now())),
    kioskTicketsPerMinute: queue.kioskTicketsPerMinute, publicRateLimit: queue.publicRateLimit,
    ...(changes ? { changes } : {}),
  });
  registerPortalRoutes(app, { db: deps.db, clock: deps.clock, rateLimit: queue.publicRateLimit });
}

/** The background jobs `motcua serve` runs through pg-boss (src/platform/jobs.ts). */
export function appJobs(deps: Pick<AppDeps, 'db' | 'clock' | 'escalation' | 'config' | 'carrier'> & {
  readonly alert?: Alert;
  /** Where the adapters say which is active (real or simulator); standard output by default. */
  readonly log?: (line: string) => void;
}): JobDefinition[] {
  const escalation = deps.escalation ?? DEFAULT_ESCALATION;
  const log = deps.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  return [
    { name: 'supervision.escalate', cron: everyMinutesCron(escalation.everyMinutes), handler: () => runEscalation(deps, escalation) },
    { name: 'transparency.backfill', runAtStart: true, handler: () => backfillResolutions(deps.db) },
    // report exports: sent at each request (AppDeps.sendJob), and every minute for what a stopped instance left
    reportExportsJob({ ...deps, builders: { [POSTAL_QUARTERLY_EXPORT]: buildPostalQuarterlyReport } }),
    // the outbox: SMS to applicants and mail to staff, through the configured adapters or the simulators
    outboxDeliveryJob({ db: deps.db, clock: deps.clock, config: deps.config }, { log, ...(deps.alert ? { onDead: (n: number) => deps.alert?.('outbox.dead', `${n} tin không gửi được sau nhiều lần thử`, { count: n }) } : {}) }),
    // the daily signed anchor of the event log (issue 10 §7)
    anchorJob({ db: deps.db, clock: deps.clock, anchorKeyFile: deps.config.anchorKeyFile }),
    // OCR of stored scans, retried with back-off; never part of a request (issue 12 §3)
    ocrJob({ db: deps.db, clock: deps.clock, openScan: async (id) => (await openFile({ db: deps.db, clock: deps.clock, actor: null, files: filesDepsOf(deps) }, id))?.stream ?? null }),
    // back-off rows of sign-in and tracking guesses older than a day teach nothing more
    // the one archive job (issue 12 §6): files past their retention period that nothing holds any more
    { name: ARCHIVE_JOB, cron: '41 2 * * *', handler: async () => { await runArchive({ db: deps.db, clock: deps.clock, files: filesDepsOf({ config: deps.config }), holders: archiveHolders([paperFilesHeld, postalFilesHeld]) }); } },
    { name: 'throttle.prune', cron: '17 3 * * *', handler: () => pruneAttempts(deps.db, new Date(deps.clock.now().getTime() - 86_400_000)) },
    // appointments: the reminder the day before (hourly from 08:05 to 20:05 Vietnam time, once per booking), no-shows
    { name: 'appointments.reminders', cron: '5 8-20 * * *', handler: async () => { await sendReminders(deps.db, deps.clock.now()); } },
    { name: 'appointments.noShows', cron: everyMinutesCron(15), handler: async () => { await recordNoShows(deps.db, deps.clock.now()); } },
    // the postal carrier (issue 13 §7): orders for the sealed parcels; the tracking feed, late, repeated and out-of-order events folded into one trail
    ...carrierJobs({ db: deps.db, clock: deps.clock, carrier: deps.carrier ?? carrierFromConfig(deps.config, log), everyMinutes: deps.config.carrierPollMinutes }),
    // signatures recorded before migration 0175: their PNG bytes into the one file store
    signatureMoveJob({ db: deps.db, clock: deps.clock, files: filesDepsOf({ config: deps.config }) }),
    // duplicate online payments (two successful payments of one fee) refunded through the gateway (issue 15 §4)
    duplicateRefundJob({ db: deps.db, clock: deps.clock, refunds: gatewayRefundsOf(deps.db, deps.config.payments) }),
    // the national portal sync (issue 15 §5): the sync outbox pushed in order per dossier
    // and the pull of dossiers filed on the national portal, as online submissions filed by the configured account
    ...syncJobs({
      db: deps.db, clock: deps.clock, config: deps.config, log,
      pull: { submit: submitOnlineFromNational, hooks: dossierHooksOf([]), intakeChecks, actorOf: (username) => actorOfUsername(deps.db, username) },
    }),
  ];
}
