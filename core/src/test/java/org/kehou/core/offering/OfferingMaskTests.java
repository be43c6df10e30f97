package org.kehou.core.offering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OfferingMaskTests {

  @Test
  void weekdaysMapToV4BitsMondayFirst() {
    assertThat(Weekday.mask(List.of(Weekday.MON))).isEqualTo(1);
    assertThat(Weekday.mask(List.of(Weekday.FRI))).isEqualTo(16);
    assertThat(Weekday.mask(List.of(Weekday.values()))).isEqualTo(31);
    assertThat(Weekday.of(0b10101)).containsExactly(Weekday.MON, Weekday.WED, Weekday.FRI);
  }

  @Test
  void gradesMapToV4BitsGradeOneFirstAndRejectLevelsOutsideOneToSix() {
    assertThat(GradeMask.mask(List.of(1, 6))).isEqualTo(0b100001);
    assertThat(GradeMask.levels(63)).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(GradeMask.allows(0b100, 3)).isTrue();
    assertThat(GradeMask.allows(0b100, 2)).isFalse();
    assertThatThrownBy(() -> GradeMask.mask(List.of(7))).isInstanceOf(IllegalArgumentException.class);
  }
}
