-- Every classification decision: which model decided, why it was asked, what it cost.
-- Keyed by (query, listing, version): a replay or restore inserts nothing new.
CREATE TABLE model_inferences (
    query_id        text NOT NULL,
    listing_key     text NOT NULL,
    listing_version integer NOT NULL,
    provider        text NOT NULL CHECK (provider IN ('rules', 'local', 'llm', 'clip', 'fallback')),
    model_id        text NOT NULL,
    prompt_version  text NOT NULL DEFAULT '',
    verdict         text NOT NULL,
    confidence      double precision NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    latency_ms      bigint NOT NULL,
    input_tokens    bigint NOT NULL DEFAULT 0,
    output_tokens   bigint NOT NULL DEFAULT 0,
    cost_usd        numeric(14, 8) NOT NULL DEFAULT 0,
    routing_reason  text NOT NULL,
    cache_hit       boolean NOT NULL DEFAULT false,
    decided_at      timestamptz NOT NULL,
    PRIMARY KEY (query_id, listing_key, listing_version)
);
CREATE INDEX model_inferences_by_time ON model_inferences (decided_at DESC);
CREATE INDEX model_inferences_by_provider ON model_inferences (provider, decided_at DESC);

-- Labelled examples the local model's kNN vote learns from: cloud verdicts and user corrections.
CREATE TABLE labels (
    query_id        text NOT NULL,
    listing_key     text NOT NULL,
    listing_version integer NOT NULL,
    source          text NOT NULL CHECK (source IN ('llm', 'user')),
    verdict         text NOT NULL
        CHECK (verdict IN ('RELEVANT', 'ACCESSORY', 'BROKEN', 'WANTED_AD', 'SWAP', 'IRRELEVANT')),
    title           text NOT NULL,
    model_id        text,
    confidence      double precision,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (query_id, listing_key, listing_version, source)
);
CREATE INDEX labels_by_query ON labels (query_id, created_at DESC);
