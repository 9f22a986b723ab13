-- Two-factor replay protection: the last TOTP time step accepted for each user. A code is refused
-- unless its step is later than this one (ASVS 5.0 6.5.1: one-time codes are single-use), checked
-- with one conditional UPDATE so it holds across server instances.
alter table users add column totp_last_step bigint;

-- Look-ups used by sign-in, invitations and password reset.
create index invitations_organization_open_idx on invitations (organization_id) where accepted_at is null and revoked_at is null;
create index password_resets_user_idx on password_resets (user_id);
create index sessions_user_open_idx on sessions (user_id) where revoked_at is null;
