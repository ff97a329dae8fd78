// The answers of the notification routes, as schemas; their types (Static) are what the web reads.
import { Type, type Static } from '@fastify/type-provider-typebox';
import { Nullable } from '../platform/http/schemas';

export const NotificationSchema = Type.Object({
  id: Type.Integer(), kind: Type.String(), dossierCode: Nullable(Type.String()), title: Type.String(), body: Type.String(),
  createdAt: Type.String(), readAt: Nullable(Type.String()),
});
export const NotificationListSchema = Type.Object({ items: Type.Array(NotificationSchema), unread: Type.Integer({ minimum: 0 }), next: Nullable(Type.Integer()) });
export const MarkedSchema = Type.Object({ marked: Type.Integer({ minimum: 0 }) });

export type NotificationItem = Static<typeof NotificationSchema>;
export type NotificationList = Static<typeof NotificationListSchema>;
