-- The term archive (issue 15): one row per requested build, its progress, and the finished ZIP in chunks.
-- state: QUEUED, RUNNING, DONE, FAILED. A build is claimed by one instance (owner) for one attempt; its heartbeat
-- moves with every part and chunk, so a build whose instance died can be claimed again (attempt + 1) once stale.
CREATE TABLE term_archive (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  school_id     BIGINT       NOT NULL,
  term_id       BIGINT       NOT NULL,
  requested_by  BIGINT       NOT NULL,
  requested_at  DATETIME(3)  NOT NULL,
  state         VARCHAR(10)  NOT NULL,
  attempt       INT          NOT NULL DEFAULT 0,
  owner         VARCHAR(64)  NULL,
  heartbeat_at  DATETIME(3)  NULL,
  parts_done    INT          NOT NULL DEFAULT 0,
  parts_total   INT          NOT NULL,
  current_part  VARCHAR(40)  NULL,
  started_at    DATETIME(3)  NULL,
  finished_at   DATETIME(3)  NULL,
  files         INT          NULL,
  size_bytes    BIGINT       NULL,
  error         VARCHAR(200) NULL,
  CONSTRAINT fk_archive_school FOREIGN KEY (school_id) REFERENCES school (id),
  CONSTRAINT fk_archive_term FOREIGN KEY (term_id) REFERENCES term (id),
  CONSTRAINT fk_archive_staff FOREIGN KEY (requested_by) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_archive_school ON term_archive (school_id, id);

-- The ZIP of an attempt, in order: chunks of at most 1 MiB, well inside max_allowed_packet.
CREATE TABLE term_archive_chunk (
  archive_id  BIGINT      NOT NULL,
  attempt     INT         NOT NULL,
  seq         INT         NOT NULL,
  data        MEDIUMBLOB  NOT NULL,
  PRIMARY KEY (archive_id, attempt, seq),
  CONSTRAINT fk_chunk_archive FOREIGN KEY (archive_id) REFERENCES term_archive (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
