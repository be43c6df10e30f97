package org.kehou.core.archive;

import java.io.IOException;

/**
 * One kind of file in the term archive. Each implementation is a Spring bean; the archive runs them in their
 * {@link org.springframework.core.annotation.Order} and counts one step of progress per part. A new kind of record
 * (the subsidy sheets, say) joins the archive as one more implementation, nothing else changes.
 */
public interface ArchivePart {

  /** A short English name, shown while the part is being written. */
  String name();

  /** Writes the part's files for the term; each file is listed in the index with its description and rows. */
  void write(ArchiveScope scope, ArchiveWriter out) throws IOException;
}
