-- Adults a guardian authorised in the chat (接送人) to collect a child, besides the child's guardians from the roster.
-- Rows are never deleted: a removal records who removed the adult and when, so the list as it stood at any moment (a
-- hand-over to check afterwards) can be read back. live = 1 while authorised, NULL once removed: one live row per phone.
CREATE TABLE pickup_adult (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  school_id   BIGINT       NOT NULL,
  student_id  BIGINT       NOT NULL,
  name        VARCHAR(20)  NOT NULL,
  relation    VARCHAR(10)  NOT NULL,
  phone       VARCHAR(20)  NOT NULL,
  added_by    BIGINT       NOT NULL,
  added_at    DATETIME(3)  NOT NULL,
  removed_by  BIGINT       NULL,
  removed_at  DATETIME(3)  NULL,
  live        TINYINT      NULL DEFAULT 1,
  CONSTRAINT fk_pickup_school FOREIGN KEY (school_id) REFERENCES school (id),
  CONSTRAINT fk_pickup_student FOREIGN KEY (student_id) REFERENCES student (id),
  CONSTRAINT fk_pickup_added_by FOREIGN KEY (added_by) REFERENCES guardian (id),
  CONSTRAINT fk_pickup_removed_by FOREIGN KEY (removed_by) REFERENCES guardian (id),
  CONSTRAINT uq_pickup_live UNIQUE (student_id, phone, live)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
