-- Reviews and publicity (公示): when each step happened, and objections raised during the publicity window.

ALTER TABLE application
  ADD COLUMN publicity_starts_at DATETIME(3) NULL,
  ADD COLUMN publicity_ends_at   DATETIME(3) NULL;

CREATE INDEX ix_app_state ON application (term_id, state);

-- An objection holds the application in publicity until an admin resolves it: UPHELD rejects it, DISMISSED lets it go on.
CREATE TABLE publicity_objection (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  application_id   BIGINT       NOT NULL,
  reason           VARCHAR(500) NOT NULL,
  recorded_by      BIGINT       NOT NULL,
  recorded_at      DATETIME(3)  NOT NULL,
  resolution       VARCHAR(10)  NULL,
  resolution_note  VARCHAR(500) NULL,
  resolved_by      BIGINT       NULL,
  resolved_at      DATETIME(3)  NULL,
  CONSTRAINT fk_objection_app FOREIGN KEY (application_id) REFERENCES application (id),
  CONSTRAINT fk_objection_recorder FOREIGN KEY (recorded_by) REFERENCES staff (id),
  CONSTRAINT fk_objection_resolver FOREIGN KEY (resolved_by) REFERENCES staff (id),
  CONSTRAINT ck_objection_resolution CHECK (resolution IS NULL OR resolution IN ('UPHELD', 'DISMISSED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_objection_app ON publicity_objection (application_id);
