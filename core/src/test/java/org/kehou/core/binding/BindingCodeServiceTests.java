package org.kehou.core.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BindingCodeServiceTests {

  @Test
  void codesAreEightCharactersWithoutLookAlikes() {
    BindingCodeService service = new BindingCodeService(null, null, Clock.systemUTC());
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      codes.add(service.newCode());
    }

    assertThat(codes).hasSize(2000)
        .allSatisfy(code -> assertThat(code).matches("[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}"))
        .as("a slip's QR scene of digits only would be taken for another QR code of the account")
        .allSatisfy(code -> assertThat(code).containsPattern("[A-Z]"));
    assertThat(String.join("", codes)).doesNotContain("0", "O", "1", "I");
  }
}
