-- Leave (请假): a child stays away from the service on one day. Asked by a guardian in the chat (before the school's
-- cutoff) or recorded by staff (a parent who phoned, also after the cutoff). Exactly one of asked_by_guardian and
-- asked_by_staff says who asked. Nothing is deleted: cancelling sets cancelled_at/by and live to NULL, so a child has
-- at most one live leave per day (two guardians asking at once give one leave) and the record stays.
CREATE TABLE leave_request (
  id                     BIGINT AUTO_INCREMENT PRIMARY KEY,
  school_id              BIGINT       NOT NULL,
  student_id             BIGINT       NOT NULL,
  day                    DATE         NOT NULL,
  reason                 VARCHAR(200) NULL,
  live                   TINYINT      NULL DEFAULT 1,
  asked_by_guardian      BIGINT       NULL,
  asked_by_staff         BIGINT       NULL,
  asked_at               DATETIME(3)  NOT NULL,
  cancelled_by_guardian  BIGINT       NULL,
  cancelled_by_staff     BIGINT       NULL,
  cancelled_at           DATETIME(3)  NULL,
  CONSTRAINT fk_leave_school FOREIGN KEY (school_id) REFERENCES school (id),
  CONSTRAINT fk_leave_student FOREIGN KEY (student_id) REFERENCES student (id),
  CONSTRAINT fk_leave_asked_guardian FOREIGN KEY (asked_by_guardian) REFERENCES guardian (id),
  CONSTRAINT fk_leave_asked_staff FOREIGN KEY (asked_by_staff) REFERENCES staff (id),
  CONSTRAINT fk_leave_cancelled_guardian FOREIGN KEY (cancelled_by_guardian) REFERENCES guardian (id),
  CONSTRAINT fk_leave_cancelled_staff FOREIGN KEY (cancelled_by_staff) REFERENCES staff (id),
  CONSTRAINT uq_leave_live UNIQUE (student_id, day, live),
  CONSTRAINT ck_leave_asked_by CHECK ((asked_by_guardian IS NULL) <> (asked_by_staff IS NULL)),
  CONSTRAINT ck_leave_live CHECK ((live IS NULL) = (cancelled_at IS NOT NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- The day's roster and the staff listing read a school's live leave of one date.
CREATE INDEX ix_leave_school_day ON leave_request (school_id, day, live);
