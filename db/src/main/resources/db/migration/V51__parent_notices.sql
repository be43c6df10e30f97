-- Notices from the school to parents (通知: pickup moved, a session cancelled, a form to return). A notice is sent once
-- to an audience fixed at sending time: the children it concerns and, for each, the guardians it went to. Each
-- guardian account gets one message naming all of their children in it, and confirms (收到) once for them all.

CREATE TABLE parent_notice (
  id                BIGINT AUTO_INCREMENT PRIMARY KEY,
  school_id         BIGINT        NOT NULL,
  sender_id         BIGINT        NOT NULL,
  -- SCHOOL, GRADE, CLASS, CLASS_SERVICE (the class's after-school pupils), OFFERING; audience_id names the grade,
  -- class or offering (NULL for the whole school), audience_name how it read at sending time.
  audience_kind     VARCHAR(16)   NOT NULL,
  audience_id       BIGINT        NULL,
  audience_name     VARCHAR(60)   NOT NULL,
  title             VARCHAR(40)   NOT NULL,
  body              VARCHAR(1000) NOT NULL,
  confirm_required  BOOLEAN       NOT NULL,
  confirm_by        DATETIME(3)   NULL,
  urgent            BOOLEAN       NOT NULL,
  created_at        DATETIME(3)   NOT NULL,
  -- Set once, by whichever instance's job queued the reminder (or the sender's alert) first.
  reminded_at       DATETIME(3)   NULL,
  escalated_at      DATETIME(3)   NULL,
  CONSTRAINT fk_notice_school FOREIGN KEY (school_id) REFERENCES school (id),
  CONSTRAINT fk_notice_sender FOREIGN KEY (sender_id) REFERENCES staff (id),
  CONSTRAINT ck_notice_audience CHECK (audience_kind IN ('SCHOOL', 'GRADE', 'CLASS', 'CLASS_SERVICE', 'OFFERING')),
  CONSTRAINT ck_notice_deadline CHECK (confirm_required OR confirm_by IS NULL)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_notice_school ON parent_notice (school_id, id);
CREATE INDEX ix_notice_sender ON parent_notice (sender_id, id);
CREATE INDEX ix_notice_reminder ON parent_notice (confirm_required, reminded_at, confirm_by);

-- One row per guardian account the notice went to. seq numbers a guardian's notices 1, 2, 3… (收到 3, 通知); the
-- confirmation is theirs, by the signed link or in the chat.
CREATE TABLE parent_notice_guardian (
  notice_id        BIGINT       NOT NULL,
  guardian_id      BIGINT       NOT NULL,
  seq              INT          NOT NULL,
  confirmed_at     DATETIME(3)  NULL,
  confirmed_via    VARCHAR(8)   NULL,
  PRIMARY KEY (notice_id, guardian_id),
  CONSTRAINT fk_ng_notice FOREIGN KEY (notice_id) REFERENCES parent_notice (id),
  CONSTRAINT fk_ng_guardian FOREIGN KEY (guardian_id) REFERENCES guardian (id),
  CONSTRAINT uq_ng_seq UNIQUE (guardian_id, seq),
  CONSTRAINT ck_ng_via CHECK (confirmed_via IS NULL OR confirmed_via IN ('LINK', 'CHAT'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The children the notice concerns, each with the guardians it went to about them (a child with two guardians has two
-- rows; a child whose guardians have no WeChat still has rows, so staff see who was not reached).
CREATE TABLE parent_notice_child (
  notice_id    BIGINT NOT NULL,
  student_id   BIGINT NOT NULL,
  guardian_id  BIGINT NOT NULL,
  PRIMARY KEY (notice_id, student_id, guardian_id),
  CONSTRAINT fk_nc_notice FOREIGN KEY (notice_id) REFERENCES parent_notice (id),
  CONSTRAINT fk_nc_student FOREIGN KEY (student_id) REFERENCES student (id),
  CONSTRAINT fk_nc_guardian FOREIGN KEY (guardian_id) REFERENCES guardian (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_nc_guardian ON parent_notice_child (notice_id, guardian_id);

-- A template message can open a page: a notice's message opens the notice (its signed link).
ALTER TABLE outbox_message ADD COLUMN link VARCHAR(400) NULL;

-- The key that signs each guardian's link to a notice (NoticeLinks), made once by whichever application needs it
-- first, unless the operator sets kehou.notices.link-secret; both applications must sign alike.
CREATE TABLE link_secret (
  name     VARCHAR(32) PRIMARY KEY,
  secret   BINARY(32)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
