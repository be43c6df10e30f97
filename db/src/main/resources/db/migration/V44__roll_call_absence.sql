-- Roll call and absence cases (issue 11). Marks are append-only: a correction is a new row, the latest one counts.

CREATE TABLE roll_call_mark (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  school_id     BIGINT      NOT NULL,
  offering_id   BIGINT      NOT NULL,
  session_date  DATE        NOT NULL,
  student_id    BIGINT      NOT NULL,
  present       BOOLEAN     NOT NULL,
  marked_by     BIGINT      NOT NULL,
  marked_at     DATETIME(3) NOT NULL,
  CONSTRAINT fk_mark_offering FOREIGN KEY (offering_id) REFERENCES offering (id),
  CONSTRAINT fk_mark_student FOREIGN KEY (student_id) REFERENCES student (id),
  CONSTRAINT fk_mark_staff FOREIGN KEY (marked_by) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_mark_session ON roll_call_mark (offering_id, session_date, student_id, id);

-- One row per session and kind of alert (roll-call-missing): the unique key makes a job's second run, or a second
-- node, send nothing.
CREATE TABLE session_alert (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  offering_id   BIGINT      NOT NULL,
  session_date  DATE        NOT NULL,
  kind          VARCHAR(40) NOT NULL,
  created_at    DATETIME(3) NOT NULL,
  CONSTRAINT uq_session_alert UNIQUE (offering_id, session_date, kind),
  CONSTRAINT fk_alert_offering FOREIGN KEY (offering_id) REFERENCES offering (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE absence_case (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  school_id     BIGINT       NOT NULL,
  offering_id   BIGINT       NOT NULL,
  session_date  DATE         NOT NULL,
  student_id    BIGINT       NOT NULL,
  opened_at     DATETIME(3)  NOT NULL,
  opened_by     BIGINT       NOT NULL,
  escalated_at  DATETIME(3)  NULL,
  closed_at     DATETIME(3)  NULL,
  closed_by     BIGINT       NULL,
  outcome       VARCHAR(30)  NULL,
  outcome_note  VARCHAR(500) NULL,
  CONSTRAINT fk_case_offering FOREIGN KEY (offering_id) REFERENCES offering (id),
  CONSTRAINT fk_case_student FOREIGN KEY (student_id) REFERENCES student (id),
  CONSTRAINT fk_case_opened_by FOREIGN KEY (opened_by) REFERENCES staff (id),
  CONSTRAINT fk_case_closed_by FOREIGN KEY (closed_by) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_case_day ON absence_case (school_id, session_date, id);
CREATE INDEX ix_case_student ON absence_case (student_id, closed_at);
CREATE INDEX ix_case_open ON absence_case (closed_at, escalated_at, opened_at);

-- A case's timeline: opened, guardians messaged, staff told, a guardian's reply, escalation, outcome.
CREATE TABLE absence_case_event (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id       BIGINT        NOT NULL,
  kind          VARCHAR(30)   NOT NULL,
  at            DATETIME(3)   NOT NULL,
  staff_id      BIGINT        NULL,
  guardian_id   BIGINT        NULL,
  text          VARCHAR(1000) NULL,
  CONSTRAINT fk_event_case FOREIGN KEY (case_id) REFERENCES absence_case (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_event_case ON absence_case_event (case_id, id);
