-- The notice letter (致家长的一封信) as each guardian saw it: the exact rendered text is archived once per version,
-- identified by its SHA-256, and each reading guardian gets a receipt against that version.

CREATE TABLE letter_version (
  id                BIGINT AUTO_INCREMENT PRIMARY KEY,
  term_id           BIGINT      NOT NULL,
  template_version  VARCHAR(40) NOT NULL,
  sha256            CHAR(64)    NOT NULL,
  body              MEDIUMTEXT  NOT NULL,
  created_at        DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  CONSTRAINT fk_letter_term FOREIGN KEY (term_id) REFERENCES term (id),
  CONSTRAINT uq_letter_hash UNIQUE (term_id, sha256)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE letter_receipt (
  id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
  letter_version_id  BIGINT      NOT NULL,
  guardian_id        BIGINT      NOT NULL,
  openid             VARCHAR(64) NOT NULL,
  read_at            DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  CONSTRAINT fk_receipt_letter FOREIGN KEY (letter_version_id) REFERENCES letter_version (id),
  CONSTRAINT fk_receipt_guardian FOREIGN KEY (guardian_id) REFERENCES guardian (id),
  CONSTRAINT uq_receipt UNIQUE (letter_version_id, guardian_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
