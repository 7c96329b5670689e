-- People who use the dashboard and the API. Tokens and sessions are stored as SHA-256 hashes:
-- a database dump never lets anyone sign in.
CREATE TABLE users (
    id         text PRIMARY KEY,
    name       text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_tokens (
    token_hash   text PRIMARY KEY,
    user_id      text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    label        text NOT NULL DEFAULT '',
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz
);
CREATE INDEX api_tokens_by_user ON api_tokens (user_id);

CREATE TABLE sessions (
    id_hash    text PRIMARY KEY,
    user_id    text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token text NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

-- Saved queries get an owner (NULL: declared in the job's config file) and the richer filters.
ALTER TABLE saved_queries
    ADD COLUMN owner              text REFERENCES users (id) ON DELETE CASCADE,
    ADD COLUMN keyword_expression text NOT NULL DEFAULT '',
    ADD COLUMN max_age_days       integer CHECK (max_age_days IS NULL OR max_age_days > 0),
    ADD COLUMN postcodes          text[] NOT NULL DEFAULT '{}',
    ADD COLUMN near_postcode      text,
    ADD COLUMN radius_km          integer CHECK (radius_km IS NULL OR radius_km > 0),
    ADD COLUMN seller_type        text NOT NULL DEFAULT 'ANY'
        CHECK (seller_type IN ('ANY', 'PRIVATE', 'DEALER')),
    ADD COLUMN model_mode         text
        CHECK (model_mode IS NULL OR model_mode IN ('LOCAL', 'AUTO', 'LLM', 'CLIP')),
    ADD COLUMN digest             text NOT NULL DEFAULT 'DAILY'
        CHECK (digest IN ('OFF', 'HOURLY', 'DAILY')),
    ADD COLUMN instant_alerts     boolean NOT NULL DEFAULT true;
CREATE INDEX saved_queries_by_owner ON saved_queries (owner);

-- Listings a user starred; notify asks for an alert when the listing's price drops.
CREATE TABLE favourites (
    user_id     text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    listing_key text NOT NULL,
    notify      boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, listing_key)
);
