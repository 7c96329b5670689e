-- A listing the site took down keeps its row; removed_at says since when (NULL while live).
ALTER TABLE listings ADD COLUMN removed_at timestamptz;

-- One row per listing version: the price from that version on and the change that made it.
CREATE TABLE price_history (
    listing_key text NOT NULL,
    version     integer NOT NULL,
    price       bigint,
    change_kind text NOT NULL,
    observed_at timestamptz NOT NULL,
    PRIMARY KEY (listing_key, version)
);

-- The latest market estimate per saved query: quantiles of RELEVANT listings' asking prices.
CREATE TABLE market_estimates (
    query_id       text PRIMARY KEY,
    n              bigint NOT NULL,
    median         double precision NOT NULL,
    lower_quartile double precision NOT NULL,
    upper_quartile double precision NOT NULL,
    horizon_days   integer NOT NULL,
    as_of          timestamptz NOT NULL
);

-- A later listing recognised as the same item as an earlier one (same photo, same area): a
-- repost under a new id or a cross-post on another site. The repost is not alerted on.
CREATE TABLE repost_links (
    repost_key     text PRIMARY KEY,
    original_key   text NOT NULL,
    image_distance integer NOT NULL,
    linked_at      timestamptz NOT NULL
);
CREATE INDEX repost_links_by_original ON repost_links (original_key);

-- Every scored match of a listing version against a saved query, with the score's components.
CREATE TABLE matches (
    query_id        text NOT NULL,
    listing_key     text NOT NULL,
    listing_version integer NOT NULL,
    verdict         text NOT NULL,
    confidence      double precision NOT NULL,
    score           double precision NOT NULL,
    relevance       double precision NOT NULL,
    price_score     double precision NOT NULL,
    freshness       double precision NOT NULL,
    condition_score double precision NOT NULL,
    explanation     text NOT NULL,
    model_id        text NOT NULL,
    PRIMARY KEY (query_id, listing_key, listing_version)
);

-- Each saved query's digest: its best deals per tumbling window, rank 1 first.
CREATE TABLE digest_entries (
    query_id        text NOT NULL,
    window_start    timestamptz NOT NULL,
    window_end      timestamptz NOT NULL,
    rank            integer NOT NULL,
    alert_id        uuid NOT NULL,
    listing_key     text NOT NULL,
    listing_version integer NOT NULL,
    title           text NOT NULL,
    price           bigint,
    url             text NOT NULL,
    score           double precision NOT NULL,
    explanation     text NOT NULL,
    PRIMARY KEY (query_id, window_end, rank)
);
