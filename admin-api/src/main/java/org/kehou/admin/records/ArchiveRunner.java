package org.kehou.admin.records;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.kehou.core.archive.TermArchives;
import org.springframework.stereotype.Component;

/**
 * Builds term archives in the background of this admin API instance, one at a time: a build reads a whole term and
 * should not compete with the next one for the same database. Which instance builds is decided by the claim in the
 * database, so handing the same build to several instances (or twice) builds it once.
 */
@Component
class ArchiveRunner {

  private final TermArchives archives;
  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "term-archive");
    thread.setDaemon(true);
    return thread;
  });

  ArchiveRunner(TermArchives archives) {
    this.archives = archives;
  }

  void submit(long archiveId) {
    executor.execute(() -> archives.build(archiveId));
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
  }
}
