import GRDB

/// The tables of `.mandate/index.sqlite`, created by named migrations that are never edited once
/// released; a change is a new migration.
///
/// Everything here is derived from the record and can be rebuilt; `formatVersion` is bumped when
/// the derivation itself changes (a new tokenizer, new keys), which forces a rebuild.
///
/// The full-text table is external-content FTS5 over `event`, kept in step row by row by
/// `EventIndexWriter.Session` rather than by triggers, which cost four times as much. Segments are not merged
/// while inserting (`automerge` 0) but only when 64 pile up (`crisismerge`): building the index of
/// 100,000 news items then takes 1.2 s instead of 2.0 s, and searches stay fast.
enum IndexSchema {
  static let formatVersion = "7"

  /// Indexes on the event table that bulk loads drop and create again afterwards: building an
  /// index once from sorted keys is several times faster than inserting random keys row by row.
  static let secondaryIndexes: [(name: String, create: String)] = [
    // Covers the "placed in a period" condition and the report's ordering, so that listing a
    // quarter's event ids reads the index only (format 3), and the languages a report needs to
    // merge reports linked across languages (format 7).
    (
      "event_date",
      #"CREATE INDEX "event_date" ON "event"("date", "precision", "last_day", "date_end", "id", "language");"#
    ),
    ("event_partition", #"CREATE INDEX "event_partition" ON "event"("partition");"#),
    ("event_lead", #"CREATE INDEX "event_lead" ON "event"("lead_key") WHERE "lead_key" IS NOT NULL;"#),
    ("event_url", #"CREATE INDEX "event_url" ON "event"("url_key") WHERE "url_key" IS NOT NULL;"#),
    // The few events not dated to a day: reports list those no quarter can hold without
    // reading every row (format 3).
    ("event_coarse", #"CREATE INDEX "event_coarse" ON "event"("date", "last_day") WHERE "precision" <> 'day';"#),
  ]

  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1-events") { db in
      try db.execute(
        sql: """
          CREATE TABLE "meta" ("key" TEXT PRIMARY KEY, "value" TEXT NOT NULL);
          CREATE TABLE "record_file" ("name" TEXT PRIMARY KEY, "size" INTEGER NOT NULL, "modified" INTEGER NOT NULL);
          CREATE TABLE "event" (
            "rowid" INTEGER PRIMARY KEY,
            "id" TEXT NOT NULL UNIQUE,
            "date" TEXT,
            "date_end" TEXT,
            "last_day" TEXT,
            "precision" TEXT NOT NULL,
            "basis" TEXT NOT NULL,
            "evidence" TEXT,
            "partition" TEXT NOT NULL,
            "title" TEXT,
            "body" TEXT NOT NULL,
            "language" TEXT,
            "sources" TEXT NOT NULL,
            "aliases" TEXT NOT NULL,
            "source_count" INTEGER NOT NULL,
            "lead_key" INTEGER,
            "url_key" INTEGER,
            "line_hash" INTEGER NOT NULL
          );
          \(secondaryIndexes.map(\.create).joined(separator: "\n"))
          CREATE TABLE "event_alias" ("alias" TEXT PRIMARY KEY, "event_id" TEXT NOT NULL) WITHOUT ROWID;
          CREATE INDEX "event_alias_event" ON "event_alias"("event_id");
          CREATE VIRTUAL TABLE "event_fts" USING fts5(
            title, body, content='event', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
          INSERT INTO "event_fts"("event_fts", rank) VALUES ('automerge', 0);
          INSERT INTO "event_fts"("event_fts", rank) VALUES ('crisismerge', 64);
          """)
    }
    migrator.registerMigration("v2-ledger") { db in
      try db.execute(
        sql: """
          CREATE TABLE "ledger_file" ("name" TEXT PRIMARY KEY, "size" INTEGER NOT NULL, "modified" INTEGER NOT NULL);
          CREATE TABLE "decision" (
            "mandate" TEXT NOT NULL,
            "seq" INTEGER NOT NULL,
            "kind" TEXT NOT NULL,
            "event" TEXT,
            "item" TEXT NOT NULL,
            "strength" TEXT,
            "stance" TEXT,
            "note" TEXT,
            "fingerprint" TEXT,
            "status" TEXT,
            "as_of" TEXT,
            "by" TEXT NOT NULL,
            "at" REAL NOT NULL,
            "line" INTEGER,
            PRIMARY KEY ("mandate", "seq")
          ) WITHOUT ROWID;
          """)
    }
    // Renames and resolutions in the ledger (schema 2), and ledgers that cannot be read, which
    // must not pass for empty ones (format 4).
    migrator.registerMigration("v3-team-ledger") { db in
      try db.execute(
        sql: """
          ALTER TABLE "decision" ADD COLUMN "to" TEXT;
          ALTER TABLE "decision" ADD COLUMN "outcome" TEXT;
          ALTER TABLE "ledger_file" ADD COLUMN "problem" TEXT;
          """)
    }
    // A file per analyst (ledger schema 3): each ledger file has a row, and decisions name
    // their file (format 5).
    migrator.registerMigration("v4-ledger-files") { db in
      try db.execute(
        sql: """
          ALTER TABLE "ledger_file" ADD COLUMN "mandate" TEXT;
          ALTER TABLE "decision" ADD COLUMN "file" TEXT;
          """)
    }
    // Words indexed by their Snowball stems (`SearchTokenizer`), in every language (format 6).
    migrator.registerMigration("v5-stemmed-search") { db in
      try db.execute(
        sql: """
          DROP TABLE "event_fts";
          CREATE VIRTUAL TABLE "event_fts" USING fts5(
            title, body, content='event', content_rowid='rowid', tokenize='\(SearchTokenizer.name)');
          INSERT INTO "event_fts"("event_fts", rank) VALUES ('automerge', 0);
          INSERT INTO "event_fts"("event_fts", rank) VALUES ('crisismerge', 64);
          """)
    }
    return migrator
  }
}
