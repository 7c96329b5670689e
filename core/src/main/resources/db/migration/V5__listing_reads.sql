-- The alert server's listing reads (search, detail, top deals, favourites).

-- A listing's matches by listing key (detail, cards); the primary key starts with the query id.
CREATE INDEX matches_by_listing ON matches (listing_key, query_id, listing_version DESC);

-- Price filters and the price sorts of the listing search.
CREATE INDEX listings_by_price ON listings (price);

-- The search's text filter is ILIKE '%word%' on title and description; trigram indexes serve it
-- for words of three letters or more (a scan of 50,000 listings took ~230 ms per query without).
-- pg_trgm ships with PostgreSQL (contrib) and is trusted: the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX listings_title_trgm ON listings USING gin (title gin_trgm_ops);
CREATE INDEX listings_description_trgm ON listings USING gin (description gin_trgm_ops);
