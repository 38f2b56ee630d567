-- revision 0006
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
CREATE TABLE articles (
	article_id VARCHAR(64) NOT NULL, 
	url TEXT, 
	title TEXT, 
	outlet TEXT, 
	author TEXT, 
	published DATE, 
	language VARCHAR(16), 
	country_focus VARCHAR(8), 
	content_hash VARCHAR(64) NOT NULL, 
	text TEXT NOT NULL, 
	first_seen DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, extractor VARCHAR(40), extractor_version VARCHAR(80), 
	PRIMARY KEY (article_id)
);
CREATE TABLE events (
	id INTEGER NOT NULL, 
	event_id VARCHAR(64) NOT NULL, 
	event_date DATE NOT NULL, 
	time_precision SMALLINT NOT NULL, 
	event_type VARCHAR(40) NOT NULL, 
	sub_event_type VARCHAR(40) NOT NULL, 
	actor1 TEXT, 
	actor2 TEXT, 
	location TEXT, 
	admin1 TEXT, 
	admin2 TEXT, 
	country TEXT, 
	latitude FLOAT, 
	longitude FLOAT, 
	geo_precision SMALLINT, 
	geonameid BIGINT, 
	fatalities INTEGER NOT NULL, 
	confidence FLOAT NOT NULL, 
	notes TEXT NOT NULL, 
	source_url TEXT, 
	source_title TEXT, 
	target TEXT, 
	claimed_by TEXT, 
	alleged BOOLEAN NOT NULL, 
	evidence JSON NOT NULL, 
	trigger_span JSON, 
	place_span JSON, 
	date_start DATE, 
	date_end DATE, 
	article_id VARCHAR(64), 
	report_count INTEGER NOT NULL, 
	updated_at DATETIME NOT NULL, ambiguous BOOLEAN DEFAULT 0 NOT NULL, sources TEXT, 
	PRIMARY KEY (id), 
	UNIQUE (event_id)
);
CREATE INDEX ix_events_date_id ON events (event_date, event_id);
CREATE INDEX ix_events_updated_at ON events (updated_at);
CREATE TABLE reports (
	seq INTEGER NOT NULL, 
	report_id VARCHAR(64) NOT NULL, 
	article_id VARCHAR(64), 
	event_id VARCHAR(64) NOT NULL, 
	event_date DATE NOT NULL, 
	time_precision SMALLINT NOT NULL, 
	event_type VARCHAR(40) NOT NULL, 
	sub_event_type VARCHAR(40) NOT NULL, 
	actor1 TEXT, 
	actor2 TEXT, 
	location TEXT, 
	admin1 TEXT, 
	admin2 TEXT, 
	country TEXT, 
	latitude FLOAT, 
	longitude FLOAT, 
	geo_precision SMALLINT, 
	geonameid BIGINT, 
	fatalities INTEGER NOT NULL, 
	confidence FLOAT NOT NULL, 
	notes TEXT NOT NULL, 
	source_url TEXT, 
	source_title TEXT, 
	target TEXT, 
	claimed_by TEXT, 
	alleged BOOLEAN NOT NULL, 
	evidence JSON NOT NULL, 
	trigger_span JSON, 
	place_span JSON, 
	date_start DATE, 
	date_end DATE, ambiguous BOOLEAN DEFAULT 0 NOT NULL, 
	PRIMARY KEY (seq), 
	UNIQUE (report_id), 
	FOREIGN KEY(article_id) REFERENCES articles (article_id) ON DELETE CASCADE
);
CREATE INDEX ix_reports_event_id ON reports (event_id);
CREATE INDEX ix_reports_article_id ON reports (article_id);
CREATE TABLE fetch_state (
	url TEXT NOT NULL, 
	etag TEXT, 
	last_modified TEXT, 
	content_hash VARCHAR(64), 
	status INTEGER, 
	fetched_at DATETIME, 
	PRIMARY KEY (url)
);
CREATE VIRTUAL TABLE events_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat, min_day, max_day);
CREATE TRIGGER events_rtree_insert AFTER INSERT ON events WHEN new.latitude IS NOT NULL AND new.longitude IS NOT NULL BEGIN INSERT INTO events_rtree VALUES (new.id, new.longitude, new.longitude, new.latitude, new.latitude, julianday(new.event_date), julianday(new.event_date)); END;
CREATE TRIGGER events_rtree_update AFTER UPDATE OF latitude, longitude, event_date ON events BEGIN DELETE FROM events_rtree WHERE id = old.id; INSERT INTO events_rtree SELECT new.id, new.longitude, new.longitude, new.latitude, new.latitude, julianday(new.event_date), julianday(new.event_date) WHERE new.latitude IS NOT NULL AND new.longitude IS NOT NULL; END;
CREATE TRIGGER events_rtree_delete AFTER DELETE ON events BEGIN DELETE FROM events_rtree WHERE id = old.id; END;
CREATE TABLE gaz_sources (
	id INTEGER NOT NULL, 
	path VARCHAR(1000) NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	rows INTEGER NOT NULL, 
	loaded_at DATETIME NOT NULL, 
	key_version INTEGER NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE gaz_places (
	geonameid BIGINT NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	latitude FLOAT NOT NULL, 
	longitude FLOAT NOT NULL, 
	feature_class VARCHAR(1) NOT NULL, 
	feature_code VARCHAR(10) NOT NULL, 
	country VARCHAR(2) NOT NULL, 
	admin1_code VARCHAR(20), 
	admin2_code VARCHAR(80), 
	population BIGINT NOT NULL, 
	modified VARCHAR(10), 
	source_id INTEGER, 
	PRIMARY KEY (geonameid), 
	FOREIGN KEY(source_id) REFERENCES gaz_sources (id) ON DELETE SET NULL
);
CREATE INDEX ix_gaz_places_country_admin1 ON gaz_places (country, admin1_code);
CREATE TABLE gaz_names (
	id INTEGER NOT NULL, 
	geonameid BIGINT NOT NULL, 
	name VARCHAR(400) NOT NULL, 
	"key" VARCHAR(400) NOT NULL, 
	quality FLOAT NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(geonameid) REFERENCES gaz_places (geonameid) ON DELETE CASCADE
);
CREATE INDEX ix_gaz_names_key ON gaz_names ("key");
CREATE INDEX ix_gaz_names_geonameid ON gaz_names (geonameid);
CREATE TABLE gaz_admin (
	code VARCHAR(100) NOT NULL, 
	country VARCHAR(2) NOT NULL, 
	level SMALLINT NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	asciiname VARCHAR(200), 
	geonameid BIGINT, 
	PRIMARY KEY (code)
);
CREATE TABLE gaz_geocode_cache (
	provider VARCHAR(40) NOT NULL, 
	"query" VARCHAR(1000) NOT NULL, 
	found BOOLEAN NOT NULL, 
	latitude FLOAT, 
	longitude FLOAT, 
	address VARCHAR(1000), 
	raw TEXT, 
	fetched_at DATETIME NOT NULL, 
	PRIMARY KEY (provider, "query")
);
CREATE TABLE events_unindexed (lo INTEGER NOT NULL, hi INTEGER NOT NULL, CHECK (lo <= hi));
CREATE TABLE source_runs (
	id INTEGER NOT NULL, 
	source TEXT NOT NULL, 
	kind VARCHAR(16) NOT NULL, 
	started_at DATETIME NOT NULL, 
	finished_at DATETIME NOT NULL, 
	status VARCHAR(16) NOT NULL, 
	articles_new INTEGER NOT NULL, 
	articles_updated INTEGER NOT NULL, 
	articles_seen INTEGER NOT NULL, 
	articles_failed INTEGER NOT NULL, 
	events_added INTEGER NOT NULL, 
	newest_published DATE, 
	error TEXT, 
	PRIMARY KEY (id)
);
CREATE INDEX ix_source_runs_source_started ON source_runs (source, started_at);
CREATE TABLE gaz_units (
	code VARCHAR(24) NOT NULL, 
	category VARCHAR(1) NOT NULL, 
	name_uk VARCHAR(200) NOT NULL, 
	oblast VARCHAR(24) NOT NULL, 
	raion VARCHAR(24), 
	hromada VARCHAR(24), 
	settlement VARCHAR(24), 
	PRIMARY KEY (code)
);
INSERT INTO alembic_version (version_num) VALUES ('0006');
