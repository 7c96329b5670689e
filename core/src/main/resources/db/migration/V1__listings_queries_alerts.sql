-- Saved queries: read by the job (broadcast to the matcher) and by the scraper's enumerator.
CREATE TABLE saved_queries (
    id               text PRIMARY KEY,
    name             text NOT NULL,
    terms            text NOT NULL,
    site             text NOT NULL DEFAULT 'dba.dk',
    min_price        bigint,
    max_price        bigint,
    include_keywords text[] NOT NULL DEFAULT '{}',
    exclude_keywords text[] NOT NULL DEFAULT '{}',
    alert_threshold  double precision NOT NULL DEFAULT 50,
    active           boolean NOT NULL DEFAULT true,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (min_price IS NULL OR max_price IS NULL OR min_price <= max_price),
    CHECK (alert_threshold BETWEEN 0 AND 100)
);

-- One row per listing, upserted by listing key; version rises when the content changes.
CREATE TABLE listings (
    listing_key   text PRIMARY KEY,
    site          text NOT NULL,
    ad_id         text NOT NULL,
    url           text NOT NULL,
    title         text NOT NULL,
    description   text NOT NULL DEFAULT '',
    price         bigint,
    currency      text NOT NULL,
    location      text NOT NULL DEFAULT '',
    postcode      text,
    image_urls    text[] NOT NULL DEFAULT '{}',
    published_at  timestamptz NOT NULL,
    first_seen_at timestamptz NOT NULL,
    last_seen_at  timestamptz NOT NULL,
    version       integer NOT NULL
);
CREATE INDEX listings_published ON listings (published_at DESC);

-- Alerts are keyed by alert id = f(query, listing, version): a replay inserts nothing new.
CREATE TABLE alerts (
    alert_id        uuid PRIMARY KEY,
    query_id        text NOT NULL,
    listing_key     text NOT NULL,
    listing_version integer NOT NULL,
    title           text NOT NULL,
    price           bigint,
    currency        text NOT NULL,
    url             text NOT NULL,
    image_url       text,
    score           double precision NOT NULL,
    explanation     text NOT NULL,
    published_at    timestamptz NOT NULL,
    created_at      timestamptz NOT NULL
);
CREATE INDEX alerts_by_query ON alerts (query_id, created_at DESC);

-- Input that could not be processed, kept for inspection instead of failing the job.
CREATE TABLE dead_letters (
    id      bigserial PRIMARY KEY,
    stage   text NOT NULL,
    source  text NOT NULL,
    reason  text NOT NULL,
    snippet text NOT NULL,
    at      timestamptz NOT NULL
);
