-- Whether a school lets children go home alone after the session, and from which grade (1..6); no row: it does not.
CREATE TABLE home_alone_rule (
  school_id   BIGINT      PRIMARY KEY,
  from_grade  TINYINT     NOT NULL,
  set_by      BIGINT      NOT NULL,
  set_at      DATETIME(3) NOT NULL,
  CONSTRAINT fk_home_alone_rule_school FOREIGN KEY (school_id) REFERENCES school (id),
  CONSTRAINT fk_home_alone_rule_staff FOREIGN KEY (set_by) REFERENCES staff (id),
  CONSTRAINT ck_home_alone_grade CHECK (from_grade BETWEEN 1 AND 6)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A guardian's standing permission for the child to go home alone, signed in the chat by typing the guardian's registered
-- name (as the agreement is) and withdrawn the same way. Rows are never deleted; live = 1 while in force, one per child.
CREATE TABLE home_alone_permission (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  school_id     BIGINT      NOT NULL,
  student_id    BIGINT      NOT NULL,
  signed_by     BIGINT      NOT NULL,
  signed_name   VARCHAR(64) NOT NULL,
  signed_at     DATETIME(3) NOT NULL,
  withdrawn_by  BIGINT      NULL,
  withdrawn_at  DATETIME(3) NULL,
  live          TINYINT     NULL DEFAULT 1,
  CONSTRAINT fk_home_alone_school FOREIGN KEY (school_id) REFERENCES school (id),
  CONSTRAINT fk_home_alone_student FOREIGN KEY (student_id) REFERENCES student (id),
  CONSTRAINT fk_home_alone_signed_by FOREIGN KEY (signed_by) REFERENCES guardian (id),
  CONSTRAINT fk_home_alone_withdrawn_by FOREIGN KEY (withdrawn_by) REFERENCES guardian (id),
  CONSTRAINT uq_home_alone_live UNIQUE (student_id, live)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
