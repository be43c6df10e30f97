package org.kehou.core.fee;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kehou.core.text.Texts;
import org.springframework.stereotype.Component;

/** A statement as guardians read it (the push and {@code 账单}): amounts in yuan, lessons with their tenth. */
@Component
public class FeeTexts {

  private final Texts texts;

  FeeTexts(Texts texts) {
    this.texts = texts;
  }

  /** 52.50 */
  public static String yuan(int fen) {
    return BigDecimal.valueOf(fen, 2).toPlainString();
  }

  /** 27 or 27.5 */
  public static String lessons(int tenths) {
    return BigDecimal.valueOf(tenths, 1).stripTrailingZeros().toPlainString();
  }

  public String month(LocalDate month) {
    return texts.message("fee.month", Map.of("year", month.getYear(), "month", month.getMonthValue()));
  }

  /** The statement's text for the guardians, naming the child. */
  public String statement(FeeStatement s, List<FeeStatement.Adjustment> adjustments) {
    StringBuilder corrections = new StringBuilder();
    for (FeeStatement.Adjustment a : adjustments) {
      corrections.append(texts.message("fee.statement.adjustment", Map.of("month", month(a.forMonth()),
          "sessions", (a.deltaSessions() > 0 ? "+" : "") + a.deltaSessions(),
          "delta", (a.deltaFen() > 0 ? "+" : "") + yuan(a.deltaFen()))));
    }
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("child", s.studentName());
    values.put("month", month(s.month()));
    values.put("sessions", s.sessions());
    values.put("lessons", lessons(s.lessonTenths()));
    values.put("fee", yuan(s.feePerLessonFen()));
    values.put("gross", yuan(s.grossFen()));
    values.put("reduction", s.reductionFen() == 0 ? ""
        : texts.message("fee.statement.reduction", Map.of("reduction", yuan(s.reductionFen()))));
    values.put("adjustments", corrections.toString());
    values.put("amount", yuan(s.amountFen()));
    values.put("leave", s.leaveDays() == 0 ? ""
        : texts.message("fee.statement.leave", Map.of("days", s.leaveDays())));
    return texts.message("fee.statement", values);
  }

  Map<String, String> fields(FeeStatement s) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("child", s.studentName());
    fields.put("month", month(s.month()));
    fields.put("amount", texts.message("fee.amount", Map.of("amount", yuan(s.amountFen()))));
    return fields;
  }
}
