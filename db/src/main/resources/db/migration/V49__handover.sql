-- How each child left a session: handed over to an authorised adult (a guardian, or an adult a guardian added), gone
-- home alone under a signed permission, or taken early (提前离校, with a reason). A correction appends a row that names
-- the one it corrects; nothing is overwritten, and the latest row of a child's session counts.
CREATE TABLE handover (
  id                BIGINT AUTO_INCREMENT PRIMARY KEY,
  school_id         BIGINT       NOT NULL,
  offering_id       BIGINT       NOT NULL,
  session_date      DATE         NOT NULL,
  student_id        BIGINT       NOT NULL,
  kind              VARCHAR(12)  NOT NULL,
  guardian_id       BIGINT       NULL,
  pickup_adult_id   BIGINT       NULL,
  collector_name    VARCHAR(64)  NULL,
  collector_relation VARCHAR(20) NULL,
  left_at           DATETIME(3)  NOT NULL,
  reason            VARCHAR(200) NULL,
  recorded_by       BIGINT       NOT NULL,
  recorded_at       DATETIME(3)  NOT NULL,
  corrects          BIGINT       NULL,
  CONSTRAINT fk_handover_school FOREIGN KEY (school_id) REFERENCES school (id),
  CONSTRAINT fk_handover_offering FOREIGN KEY (offering_id) REFERENCES offering (id),
  CONSTRAINT fk_handover_student FOREIGN KEY (student_id) REFERENCES student (id),
  CONSTRAINT fk_handover_guardian FOREIGN KEY (guardian_id) REFERENCES guardian (id),
  CONSTRAINT fk_handover_adult FOREIGN KEY (pickup_adult_id) REFERENCES pickup_adult (id),
  CONSTRAINT fk_handover_staff FOREIGN KEY (recorded_by) REFERENCES staff (id),
  CONSTRAINT fk_handover_corrects FOREIGN KEY (corrects) REFERENCES handover (id),
  CONSTRAINT ck_handover_kind CHECK (kind IN ('HANDED_OVER', 'HOME_ALONE', 'EARLY_LEAVE'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_handover_session ON handover (offering_id, session_date, student_id);
