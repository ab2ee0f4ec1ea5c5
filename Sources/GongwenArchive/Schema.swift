import GRDB

/// The archive's SQLite schema, as GRDB migrations. Never edit a shipped migration: add a new one.
enum ArchiveSchema {
  static var migrator: DatabaseMigrator {
    var m = DatabaseMigrator()
    m.registerMigration("v1") { db in
      try db.execute(sql: """
        -- One ingest/reprocess invocation: who, when, with which program and rules (provenance).
        CREATE TABLE ingest_run (
          id INTEGER PRIMARY KEY,
          command TEXT NOT NULL,
          arguments TEXT NOT NULL,
          generator_version TEXT NOT NULL,
          rules_hash TEXT NOT NULL,
          rules_directory TEXT NOT NULL,
          similarity_params TEXT NOT NULL,
          host TEXT NOT NULL,
          pid INTEGER NOT NULL,
          started_at TEXT NOT NULL,
          finished_at TEXT,
          counts_json TEXT
        );

        -- One archived notice. seq is the ingestion order (export order).
        CREATE TABLE document (
          seq INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          source_path TEXT,
          sha256 TEXT NOT NULL UNIQUE,
          text_sha256 TEXT NOT NULL,
          title TEXT,
          doc_number TEXT,
          text TEXT NOT NULL,
          record_json TEXT NOT NULL,
          task_count INTEGER NOT NULL,
          rules_hash TEXT NOT NULL,
          generator_version TEXT NOT NULL,
          ingested_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          run_id INTEGER REFERENCES ingest_run(id)
        );
        CREATE INDEX document_text_sha256 ON document(text_sha256);

        -- The raw bytes as ingested, so `reprocess` can re-run the pipeline with new rules.
        CREATE TABLE raw_source (
          document_id TEXT PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE,
          bytes BLOB NOT NULL
        );

        CREATE TABLE task (
          id TEXT PRIMARY KEY,
          document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
          ordinal INTEGER NOT NULL,
          path TEXT NOT NULL,
          heading TEXT,
          departments TEXT NOT NULL,
          record_json TEXT NOT NULL
        );
        CREATE INDEX task_document ON task(document_id, ordinal);

        CREATE TABLE removed_span (
          document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
          ordinal INTEGER NOT NULL,
          stage TEXT NOT NULL,
          reason TEXT NOT NULL,
          start INTEGER NOT NULL,
          "end" INTEGER NOT NULL,
          record_json TEXT NOT NULL,
          PRIMARY KEY (document_id, ordinal)
        ) WITHOUT ROWID;

        -- Links between archived notices, stored in both directions.
        CREATE TABLE duplicate_link (
          document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
          other_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
          relation TEXT NOT NULL,
          similarity REAL NOT NULL,
          PRIMARY KEY (document_id, other_id)
        ) WITHOUT ROWID;
        CREATE INDEX duplicate_link_other ON duplicate_link(other_id);

        -- Inputs whose clean text equals an archived notice: not stored again, only remembered.
        CREATE TABLE duplicate_copy (
          sha256 TEXT PRIMARY KEY,
          id TEXT NOT NULL,
          source_path TEXT,
          document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
          ingested_at TEXT NOT NULL,
          run_id INTEGER REFERENCES ingest_run(id)
        );
        CREATE INDEX duplicate_copy_document ON duplicate_copy(document_id);

        -- MinHash signature (little-endian UInt64s) and the parameters it was made with.
        CREATE TABLE minhash (
          document_id TEXT PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE,
          params TEXT NOT NULL,
          signature BLOB NOT NULL,
          shingles INTEGER NOT NULL
        );

        -- LSH band buckets: candidates for a new notice are the rows sharing one (band, key).
        CREATE TABLE lsh_bucket (
          band INTEGER NOT NULL,
          key INTEGER NOT NULL,
          document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
          PRIMARY KEY (band, key, document_id)
        ) WITHOUT ROWID;
        CREATE INDEX lsh_bucket_document ON lsh_bucket(document_id);

        -- What happened to every input of every run (history: kept when a notice is removed).
        CREATE TABLE ingest_event (
          id INTEGER PRIMARY KEY,
          run_id INTEGER NOT NULL REFERENCES ingest_run(id),
          path TEXT,
          sha256 TEXT,
          status TEXT NOT NULL,
          document_id TEXT,
          duplicate_of TEXT,
          relation TEXT,
          similarity REAL,
          error TEXT,
          at TEXT NOT NULL
        );
        CREATE INDEX ingest_event_document ON ingest_event(document_id);
        CREATE INDEX ingest_event_run ON ingest_event(run_id);
        """)
    }
    // v2: band buckets and signatures point at document.seq (an integer, in ingestion order) instead of
    // the text id: band rows a third the size, a lookup can take a crowded bucket's most recent members
    // first, and a candidate's signature is one seek into a small table (not a seek into the large
    // document table and one into an id index).
    m.registerMigration("v2") { db in
      try db.execute(sql: """
        -- LSH band buckets: candidates for a new notice are the rows sharing one (band, key); the primary
        -- key makes a lookup an index seek, newest first with ORDER BY doc DESC.
        CREATE TABLE lsh_band (
          band INTEGER NOT NULL,
          key INTEGER NOT NULL,
          doc INTEGER NOT NULL REFERENCES document(seq) ON DELETE CASCADE,
          PRIMARY KEY (band, key, doc)
        ) WITHOUT ROWID;
        CREATE INDEX lsh_band_doc ON lsh_band(doc);
        INSERT INTO lsh_band (band, key, doc)
          SELECT b.band, b.key, d.seq FROM lsh_bucket b JOIN document d ON d.id = b.document_id;
        DROP TABLE lsh_bucket;

        -- MinHash signature (little-endian UInt64s) and the parameters it was made with, by document.seq.
        CREATE TABLE minhash_v2 (
          doc INTEGER PRIMARY KEY REFERENCES document(seq) ON DELETE CASCADE,
          params TEXT NOT NULL,
          signature BLOB NOT NULL,
          shingles INTEGER NOT NULL
        );
        INSERT INTO minhash_v2 (doc, params, signature, shingles)
          SELECT d.seq, m.params, m.signature, m.shingles FROM minhash m JOIN document d ON d.id = m.document_id;
        DROP TABLE minhash;
        ALTER TABLE minhash_v2 RENAME TO minhash;
        """)
    }
    return m
  }
}
