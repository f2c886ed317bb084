-- The search prompt's history, saved searches (shown as virtual feeds), and the app's session
-- state at exit (screen, selection, pane, list filter), as keys and values.

CREATE TABLE search_history (
    query TEXT PRIMARY KEY,
    used  INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX history_by_use ON search_history (used);

CREATE TABLE saved_searches (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL UNIQUE,
    query   TEXT NOT NULL,
    created INTEGER NOT NULL
);

CREATE TABLE session (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
