// HTTP for printed forms: a slip of a dossier (inline PDF) and the ledger of a period (download).
import { Type } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { HandoffSource } from '../dossiers/service';
import type { RouteDeps } from '../platform/context';
import { fileAnswer, PDF, XLSX } from '../platform/http/schemas';
import { requireActor, type HttpApp } from '../platform/http/server';
import { renderDossierSlip, renderLedger, slipKinds, type FormsContext } from './service';

export interface FormsRouteDeps extends RouteDeps {
  /** Public base URL of the app; the tracking page it prints as a QR code lives under it. */
  readonly publicUrl: string;
  /** first receipt day of the 2025 form set (Config.formSet2025From) */
  readonly formSet2025From?: string;
  /** hand-offs recorded by other capabilities (the post's legs) for the control slip */
  readonly handoffs?: HandoffSource;
}

const Code = Type.String({ minLength: 10, maxLength: 60, pattern: '^[0-9A-Z.]+-[0-9]{6}-[0-9]{4,}$' });
const CivilDate = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' });
const strict = { additionalProperties: false } as const;
const Period = Type.Object({ from: CivilDate, to: CivilDate }, strict);

export function registerFormsRoutes(app: HttpApp, deps: FormsRouteDeps): void {
  const ctx = (request: FastifyRequest): FormsContext => ({ db: deps.db, clock: deps.clock, actor: request.actor, publicUrl: deps.publicUrl,
    ...(deps.formSet2025From ? { formSet2025From: deps.formSet2025From } : {}), ...(deps.handoffs ? { handoffs: deps.handoffs } : {}) });

  app.get('/api/v1/dossiers/:code/slips/:file', {
    schema: {
      tags: ['forms'], summary: 'In phiếu của hồ sơ (Mẫu 01–06, PDF khổ A5)',
      params: Type.Object({ code: Code, file: Type.Union(slipKinds.map((k) => Type.Literal(`${k}.pdf`))) }, strict),
      response: { 200: fileAnswer('Phiếu PDF', PDF) },
    },
  }, async (request, reply) => {
    requireActor(request);
    const { code, file } = request.params;
    const kind = slipKinds.find((k) => `${k}.pdf` === file) ?? 'receipt';
    const pdf = await renderDossierSlip(ctx(request), code, kind);
    return reply.type(PDF).header('content-disposition', `inline; filename="${code}-${kind}.pdf"`)
      .header('cache-control', 'no-store').send(Buffer.from(pdf));
  });

  /** The ledger of a period as a download, in one format. */
  const ledgerRoute = (format: 'pdf' | 'xlsx', summary: string, mediaType: string) => app.get(`/api/v1/ledger.${format}`, {
    schema: { tags: ['forms'], summary, querystring: Period, response: { 200: fileAnswer(`Sổ ${format.toUpperCase()}`, mediaType) } },
  }, async (request, reply) => {
    requireActor(request);
    const { from, to } = request.query;
    const file = await renderLedger(ctx(request), { from, to }, format);
    return reply.type(mediaType).header('content-disposition', `attachment; filename="so-theo-doi-ho-so-${from}-${to}.${format}"`)
      .header('cache-control', 'no-store').send(Buffer.from(file));
  });
  ledgerRoute('pdf', 'Sổ theo dõi hồ sơ (PDF khổ A4 ngang)', PDF);
  ledgerRoute('xlsx', 'Sổ theo dõi hồ sơ (Excel)', XLSX);
}
