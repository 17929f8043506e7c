-- Setup > Staff: when each user last signed in, and a counter that a change of roles bumps so that
-- the user's open sessions (signed in with the old roles) end at their next request.
ALTER TABLE staff_user ADD COLUMN last_sign_in_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE staff_user ADD COLUMN roles_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE portal_user ADD COLUMN last_sign_in_at TIMESTAMP WITH TIME ZONE;
