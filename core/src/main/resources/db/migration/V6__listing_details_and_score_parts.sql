-- What an item page adds to a listing: who sells it, its category and condition as the site
-- states them, and where it is (WGS84). NULL where the site did not say.
ALTER TABLE listings
    ADD COLUMN seller_type text CHECK (seller_type IN ('PRIVATE', 'DEALER')),
    ADD COLUMN category    text,
    ADD COLUMN condition   text,
    ADD COLUMN latitude    double precision CHECK (latitude BETWEEN -90 AND 90),
    ADD COLUMN longitude   double precision CHECK (longitude BETWEEN -180 AND 180);

-- Two more parts of a deal score, NULL where they could not be judged: the seller type, and the
-- distance to the saved query's centre postcode.
ALTER TABLE matches
    ADD COLUMN seller_score   double precision,
    ADD COLUMN distance_score double precision;
