-- Portable SQL: this file runs unchanged on the embedded H2 database and on PostgreSQL.

-- The provider's own time of the connection state last applied from its webhooks. Providers
-- do not order their webhooks, so an older report arriving late must not undo a newer one;
-- comparing provider times with provider times keeps clock differences out of it.
alter table instance add column status_reported_at timestamp(6) with time zone;
