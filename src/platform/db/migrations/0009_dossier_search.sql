-- Dossier search (src/dossiers/queries.ts searchDossiers): newest received first,
-- `ORDER BY received_at DESC, id DESC`, within the actor's scope. Officers' scope
-- (competent_agency_id) is covered by dossiers_agency_received_idx (0007).

-- admins and supervisors (unit subtree, filtered on unit_path) and any filter without its own index
CREATE INDEX dossiers_search_received_idx ON dossiers (received_at DESC, id DESC);
-- clerks and couriers: the dossiers received at their service point …
CREATE INDEX dossiers_point_received_idx ON dossiers (receiving_service_point_id, received_at DESC, id DESC);
-- … and the online dossiers their point's agency receives
CREATE INDEX dossiers_online_agency_received_idx ON dossiers (receiving_agency_id, received_at DESC, id DESC)
  WHERE receiving_service_point_id IS NULL;
