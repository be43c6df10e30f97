-- The school calendar: the days of a term that differ from "Monday to Friday with service, weekends without".
-- HOLIDAY (public holiday) and BREAK (school break) have no service; WORKDAY (调休) is a day, usually a Saturday or
-- Sunday, that runs the timetable of runs_as; CANCELLED is a one-off cancellation (weather, exams, events) whose note
-- the guardians are told.
-- live = 1 while the entry holds; NULL once removed, so a day has at most one live entry per term and removed entries
-- stay for the record (a cancellation's guardians may have been told about it).
CREATE TABLE calendar_day (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  school_id    BIGINT       NOT NULL,
  term_id      BIGINT       NOT NULL,
  day          DATE         NOT NULL,
  kind         VARCHAR(12)  NOT NULL,
  runs_as      VARCHAR(3)   NULL,
  note         VARCHAR(200) NULL,
  live         TINYINT      NULL DEFAULT 1,
  -- A cancellation's guardians are told at notify_at (at once for today or tomorrow, else the evening before);
  -- notified_at records that their messages were queued.
  notify_at    DATETIME(3)  NULL,
  notified_at  DATETIME(3)  NULL,
  created_by   BIGINT       NULL,
  created_at   DATETIME(3)  NOT NULL,
  changed_by   BIGINT       NULL,
  changed_at   DATETIME(3)  NULL,
  removed_by   BIGINT       NULL,
  removed_at   DATETIME(3)  NULL,
  CONSTRAINT fk_calendar_school FOREIGN KEY (school_id) REFERENCES school (id),
  CONSTRAINT fk_calendar_term FOREIGN KEY (term_id) REFERENCES term (id),
  CONSTRAINT fk_calendar_created_by FOREIGN KEY (created_by) REFERENCES staff (id),
  CONSTRAINT fk_calendar_changed_by FOREIGN KEY (changed_by) REFERENCES staff (id),
  CONSTRAINT fk_calendar_removed_by FOREIGN KEY (removed_by) REFERENCES staff (id),
  CONSTRAINT uq_calendar_day UNIQUE (term_id, day, live),
  CONSTRAINT ck_calendar_kind CHECK (kind IN ('HOLIDAY', 'BREAK', 'WORKDAY', 'CANCELLED')),
  CONSTRAINT ck_calendar_runs_as CHECK (runs_as IS NULL OR runs_as IN ('MON', 'TUE', 'WED', 'THU', 'FRI')),
  CONSTRAINT ck_calendar_workday CHECK (kind <> 'WORKDAY' OR runs_as IS NOT NULL)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_calendar_school_day ON calendar_day (school_id, day);
CREATE INDEX ix_calendar_notify ON calendar_day (notified_at, notify_at);

-- The guardians were told the new pickup time before a season switch (switch_on: the first day on the new time).
-- The row is written in the transaction that queues the messages, so the notice goes out once whichever node runs it.
CREATE TABLE season_notice (
  term_id    BIGINT      NOT NULL,
  switch_on  DATE        NOT NULL,
  ends_at    TIME        NOT NULL,
  queued_at  DATETIME(3) NOT NULL,
  PRIMARY KEY (term_id, switch_on),
  CONSTRAINT fk_season_notice_term FOREIGN KEY (term_id) REFERENCES term (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
