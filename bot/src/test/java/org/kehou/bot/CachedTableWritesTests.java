package org.kehou.bot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kehou.core.testing.CachedTableWrites;

/** The bot's own mappers (the demo's among them) move the cache epochs like the core's do. */
class CachedTableWritesTests {

  @Test
  void everyBotMapperWriteToACachedTableDeclaresTheRegionItChanges() {
    assertThat(CachedTableWrites.mappers("org.kehou.bot")).extracting(Class::getSimpleName).contains("DemoMapper");
    assertThat(CachedTableWrites.undeclared("org.kehou")).isEmpty();
  }
}
