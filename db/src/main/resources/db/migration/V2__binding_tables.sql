-- Binding codes printed for guardians, and the WeChat openids bound through them.

-- One live code per guardian (live = 1); revoked or used codes keep their row with live = NULL for the archive.
CREATE TABLE binding_code (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  school_id    BIGINT      NOT NULL,
  guardian_id  BIGINT      NOT NULL,
  code         VARCHAR(16) NOT NULL,
  expires_at   DATETIME(3) NOT NULL,
  created_at   DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  used_at      DATETIME(3) NULL,
  revoked_at   DATETIME(3) NULL,
  live         TINYINT     NULL DEFAULT 1,
  CONSTRAINT fk_code_school FOREIGN KEY (school_id) REFERENCES school (id),
  CONSTRAINT fk_code_guardian FOREIGN KEY (guardian_id) REFERENCES guardian (id),
  CONSTRAINT uq_code UNIQUE (code),
  CONSTRAINT uq_code_live UNIQUE (guardian_id, live)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An openid belongs to one guardian; current_student_id is the child the conversation is about (切换).
CREATE TABLE wechat_binding (
  id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
  openid              VARCHAR(64) NOT NULL,
  guardian_id         BIGINT      NOT NULL,
  current_student_id  BIGINT      NULL,
  active              BOOLEAN     NOT NULL DEFAULT TRUE,
  bound_at            DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  deactivated_at      DATETIME(3) NULL,
  CONSTRAINT fk_wb_guardian FOREIGN KEY (guardian_id) REFERENCES guardian (id),
  CONSTRAINT fk_wb_student FOREIGN KEY (current_student_id) REFERENCES student (id),
  CONSTRAINT uq_wb_openid UNIQUE (openid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_wb_guardian ON wechat_binding (guardian_id);
