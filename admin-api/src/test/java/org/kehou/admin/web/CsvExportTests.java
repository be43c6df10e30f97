package org.kehou.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.kehou.admin.LifecycleApiTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** Names from an uploaded roster or typed by staff reach spreadsheets as text, never as formulas. */
class CsvExportTests extends LifecycleApiTest {

  static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"点我\")";

  @Test
  void theBindingSheetQuotesCellsThatWouldRunAsFormulas() throws IOException {
    long student = school.student(ownClass, FORMULA, "NONE");
    school.guardian("@妈妈", student, "-母亲");

    List<CSVRecord> rows = csv("/api/v1/binding-codes?class=三年级1班");

    assertThat(rows).hasSize(2);
    assertThat(rows.get(1).get(1)).isEqualTo("'" + FORMULA);
    assertThat(rows.get(1).get(2)).isEqualTo("'@妈妈");
    assertThat(rows.get(1).get(3)).isEqualTo("'-母亲");
    assertThat(rows.get(1).get(4)).matches("[23456789A-Z]{8}");
  }

  @Test
  void thePublicityCsvQuotesCellsThatWouldRunAsFormulas() throws IOException {
    long offering = school.offering("+1 围棋", 10);
    long student = school.student(ownClass, "王小明", "NONE");
    long guardian = school.guardian("王妈妈", student, "母亲");
    long application = school.application(student, guardian, "SEATED", offering);
    classReview(teacherToken, application, "APPROVE", null);
    schoolReview(admin, application, "APPROVE", null);

    List<CSVRecord> rows = csv("/api/v1/publicity?format=csv");

    assertThat(rows).hasSize(2);
    assertThat(rows.get(1).get(1)).isEqualTo("王*明");
    assertThat(rows.get(1).get(2)).isEqualTo("'+1 围棋");
  }

  private List<CSVRecord> csv(String path) throws IOException {
    ResponseEntity<byte[]> response = http.exchange(path, HttpMethod.GET, new HttpEntity<>(null, bearer(admin)),
        byte[].class);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    byte[] bytes = response.getBody();
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    return CSVFormat.EXCEL.parse(new StringReader(text)).getRecords();
  }
}
