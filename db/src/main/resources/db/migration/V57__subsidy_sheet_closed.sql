-- A month's subsidy sheet as closed once the month is over (by the month-end job, or the admin earlier): the sheet
-- the finance office was given, kept as it was (JSON of the sheet, real names and rates of that day), so that a later
-- change of the term's rule, of a real name or of the duty plan never changes a month already paid.
CREATE TABLE subsidy_sheet (
  school_id  BIGINT      NOT NULL,
  month      DATE        NOT NULL,
  closed_at  DATETIME(3) NOT NULL,
  total_fen  BIGINT      NOT NULL,
  body       MEDIUMTEXT  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  PRIMARY KEY (school_id, month),
  CONSTRAINT fk_subsidy_sheet_school FOREIGN KEY (school_id) REFERENCES school (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
